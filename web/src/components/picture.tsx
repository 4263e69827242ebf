// An exercise's picture, drawn by the server from the pose data in content/ (animated between key
// poses for movements). Decorative next to the exercise's name unless `alt` says otherwise. With
// `modification`, the picture of the exercise done that way (lying on the side, one knee only); the
// server draws the exercise's own picture for a modification that does not change how it looks.
export function ExercisePicture(props: { exercise: string; modification?: string; alt?: string; size?: 'small' | 'large' }) {
  const query = props.modification ? `?modification=${encodeURIComponent(props.modification)}` : '';
  return (
    <img
      class={props.size === 'large' ? 'picture picture-large' : 'picture'}
      src={`/api/v1/exercises/${encodeURIComponent(props.exercise)}/picture.svg${query}`}
      alt={props.alt ?? ''}
      loading="lazy"
      decoding="async"
    />
  );
}
