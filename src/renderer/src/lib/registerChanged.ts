/** Fired on window when villages were added (a roster imported, a village saved): the shell's first-run guide looks again. */
export const REGISTER_CHANGED = 'huanjie:register-changed'

export function announceRegisterChanged(): void {
  window.dispatchEvent(new Event(REGISTER_CHANGED))
}
