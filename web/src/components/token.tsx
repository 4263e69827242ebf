// The access token form: when `unload serve` listens beyond this computer it asks for a token,
// which its host hands out. The token is kept in this browser (localStorage) and sent with every
// request. Shown on the data page, and by ErrorNotice whenever the server says `unauthorized`.
import { useState } from 'preact/hooks';
import { storeToken, storedToken } from '../api/client';

let formCount = 0;

export function TokenForm(props: { onSaved?: () => void; compact?: boolean }) {
  const [id] = useState(() => `token-${++formCount}`);
  const [value, setValue] = useState('');
  const [stored, setStored] = useState(() => storedToken() !== null);
  const [message, setMessage] = useState('');
  const save = (event: Event) => {
    event.preventDefault();
    const token = value.trim();
    if (!token) {
      setMessage('Enter the token first.');
      return;
    }
    storeToken(token);
    setValue('');
    setStored(true);
    setMessage('Token saved in this browser.');
    props.onSaved?.();
  };
  const forget = () => {
    storeToken(null);
    setStored(false);
    setMessage('Token removed from this browser.');
  };
  return (
    <form class="token-form" onSubmit={save}>
      {!props.compact && (
        <p>
          {stored
            ? 'A token is saved in this browser and sent with every request.'
            : 'No token is saved in this browser. Unload on this computer does not need one; a server on another computer does.'}
        </p>
      )}
      <label for={id}>Access token</label>
      <div class="token-row">
        <input
          id={id}
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <button type="submit" class="button button-primary">
          Save token
        </button>
        {stored && !props.compact && (
          <button type="button" class="button" onClick={forget}>
            Remove token
          </button>
        )}
      </div>
      <p role="status" class="token-status">
        {message}
      </p>
    </form>
  );
}
