import { UsherError } from '../errors.ts';

/**
 * Normalizes a phone number to E.164 (`+` and 8–15 digits, no leading zero after the `+`),
 * removing the spaces, dots, dashes and parentheses people type. No national formats: the UI asks
 * for the country code. Throws form_param_format_invalid for `paramName` otherwise.
 *
 * @example parsePhoneNumber('+1 (555) 555-0100', 'phone_number') // '+15555550100'
 */
export function parsePhoneNumber(value: string, paramName: string): string {
  const compact = value.trim().replace(/[\s().-]/g, '');
  const normalized = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!/^\+[1-9]\d{7,14}$/.test(normalized)) {
    throw new UsherError('form_param_format_invalid', { paramName, longMessage: 'Enter the number with its country code, e.g. +1 555 555 0100.' });
  }
  return normalized;
}

/** `+15555550100` → `+1•••••••00`: enough to recognise one's own number. */
export function maskPhoneNumber(phone: string): string {
  return `${phone.slice(0, 2)}${'•'.repeat(Math.max(0, phone.length - 4))}${phone.slice(-2)}`;
}
