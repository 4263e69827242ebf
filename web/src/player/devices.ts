// The browser's sound, voice and screen for a hands-free session: short tones through Web Audio,
// the step's words through speech synthesis, and a screen wake lock that is taken again whenever
// the page comes back into view (the browser drops it when the tab is hidden). Each one does
// nothing, quietly, where the browser lacks it.

export type Tone = 'bell' | 'countdown' | 'switch' | 'end';

interface WebkitWindow {
  webkitAudioContext?: typeof AudioContext;
}

export class Sounds {
  private context: AudioContext | null = null;

  /** Must run inside a user gesture (the Start button) so the browser lets sound play later. */
  unlock(): void {
    try {
      if (!this.context) {
        const Context = window.AudioContext ?? (window as unknown as WebkitWindow).webkitAudioContext;
        if (!Context) return;
        this.context = new Context();
      }
      void this.context.resume().catch(() => undefined);
    } catch {
      this.context = null;
    }
  }

  play(tone: Tone): void {
    const context = this.context;
    if (!context || context.state !== 'running') return;
    const now = context.currentTime;
    const beep = (frequency: number, start: number, length: number, volume: number) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, now + start);
      gain.gain.exponentialRampToValueAtTime(volume, now + start + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + start + length);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(now + start);
      oscillator.stop(now + start + length + 0.05);
    };
    switch (tone) {
      case 'bell':
        beep(660, 0, 0.9, 0.25);
        beep(990, 0, 0.6, 0.08);
        break;
      case 'countdown':
        beep(880, 0, 0.12, 0.18);
        break;
      case 'switch':
        beep(520, 0, 0.25, 0.22);
        beep(780, 0.3, 0.35, 0.22);
        break;
      case 'end':
        beep(523, 0, 0.5, 0.2);
        beep(659, 0.25, 0.5, 0.2);
        beep(784, 0.5, 0.9, 0.2);
        break;
    }
  }

  close(): void {
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }
}

export class Voice {
  get available(): boolean {
    return typeof window !== 'undefined' && 'speechSynthesis' in window;
  }

  /** Must run inside a user gesture: some browsers only speak later if they spoke in one. */
  unlock(): void {
    if (!this.available) return;
    const silent = new SpeechSynthesisUtterance(' ');
    silent.volume = 0;
    window.speechSynthesis.speak(silent);
  }

  say(text: string): void {
    if (!this.available || !text) return;
    const synth = window.speechSynthesis;
    // Never let words queue up behind the session: the newest cue is the one that matters.
    if (synth.pending || synth.speaking) synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.rate = 0.95;
    synth.speak(utterance);
  }

  stop(): void {
    if (this.available) window.speechSynthesis.cancel();
  }
}

/** Keeps the screen on while held; taken again when the page becomes visible. */
export class ScreenLock {
  private sentinel: WakeLockSentinel | null = null;
  private wanted = false;
  private readonly onVisible = () => {
    if (this.wanted && document.visibilityState === 'visible') void this.acquire();
  };

  async hold(): Promise<void> {
    if (this.wanted) return;
    this.wanted = true;
    document.addEventListener('visibilitychange', this.onVisible);
    await this.acquire();
  }

  private async acquire(): Promise<void> {
    if (!('wakeLock' in navigator) || (this.sentinel && !this.sentinel.released)) return;
    try {
      this.sentinel = await navigator.wakeLock.request('screen');
    } catch {
      // Refused (battery saver, not visible, not a secure page): the session plays on regardless.
      this.sentinel = null;
    }
  }

  release(): void {
    this.wanted = false;
    document.removeEventListener('visibilitychange', this.onVisible);
    void this.sentinel?.release().catch(() => undefined);
    this.sentinel = null;
  }
}

/** A remembered on/off setting (voice, sound), in localStorage. */
export function readSetting(key: string, fallback: boolean): boolean {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : value === 'on';
  } catch {
    return fallback;
  }
}

export function writeSetting(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? 'on' : 'off');
  } catch {
    // Not remembered; it still applies to this session.
  }
}
