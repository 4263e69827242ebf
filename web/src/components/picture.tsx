// An exercise's picture, drawn by the server from the pose data in content/ (animated between key
// poses for movements). Decorative next to the exercise's name unless `alt` says otherwise.
export function ExercisePicture(props: { exercise: string; alt?: string; size?: 'small' | 'large' }) {
  return (
    <img
      class={props.size === 'large' ? 'picture picture-large' : 'picture'}
      src={`/api/v1/exercises/${encodeURIComponent(props.exercise)}/picture.svg`}
      alt={props.alt ?? ''}
      loading="lazy"
      decoding="async"
    />
  );
}
