import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OtpInput } from './OtpInput.tsx';

afterEach(cleanup);

const boxes = () => screen.getAllByRole('textbox') as HTMLInputElement[];
const values = () => boxes().map((box) => box.value).join('');

describe('<OtpInput>', () => {
  it('is one labelled group of six numeric boxes, the first one autofillable with the code', () => {
    render(<OtpInput />);
    const group = screen.getByRole('group', { name: 'Verification code' });
    expect(group).toBeTruthy();
    expect(boxes()).toHaveLength(6);
    expect(boxes()[0]!.getAttribute('autocomplete')).toBe('one-time-code');
    expect(boxes().every((box) => box.getAttribute('inputmode') === 'numeric')).toBe(true);
    expect(boxes()[2]!.getAttribute('aria-label')).toBe('Digit 3 of 6');
    // No maxLength: autofill puts the whole code into the first box.
    expect(boxes()[0]!.hasAttribute('maxlength')).toBe(false);
  });

  it('moves focus on while typing, ignores letters, and completes once with the whole code', async () => {
    const user = userEvent.setup();
    const onComplete = vi.fn();
    render(<OtpInput onComplete={onComplete} />);
    await user.click(boxes()[0]!);
    await user.keyboard('12a3');
    expect(values()).toBe('123');
    expect(document.activeElement).toBe(boxes()[3]);
    await user.keyboard('456');
    expect(values()).toBe('123456');
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith('123456');
  });

  it('Backspace clears the current box, then goes back and clears the previous one', async () => {
    const user = userEvent.setup();
    render(<OtpInput defaultValue="1234" />);
    await user.click(boxes()[3]!);
    await user.keyboard('{Backspace}');
    expect(values()).toBe('123');
    expect(document.activeElement).toBe(boxes()[3]);
    await user.keyboard('{Backspace}');
    expect(values()).toBe('12');
    expect(document.activeElement).toBe(boxes()[2]);
  });

  it('pasting a whole code into any box fills every box and submits it', async () => {
    const user = userEvent.setup();
    const onComplete = vi.fn();
    render(<OtpInput onComplete={onComplete} />);
    await user.click(boxes()[0]!);
    await user.keyboard('9');
    await user.click(boxes()[1]!);
    await user.paste(' 424-242 ');
    expect(values()).toBe('424242');
    expect(onComplete).toHaveBeenCalledWith('424242');
    expect(document.activeElement).toBe(boxes()[5]);
  });

  it('accepts the browser’s autofill of the whole code into the first box', () => {
    const onComplete = vi.fn();
    render(<OtpInput onComplete={onComplete} />);
    fireEvent.change(boxes()[0]!, { target: { value: '135790' } });
    expect(values()).toBe('135790');
    expect(onComplete).toHaveBeenCalledWith('135790');
  });

  it('sends focus to the first empty box when a later one is clicked', async () => {
    const user = userEvent.setup();
    render(<OtpInput defaultValue="12" />);
    await user.click(boxes()[5]!);
    expect(document.activeElement).toBe(boxes()[2]);
  });

  it('moves with the arrow keys and Home/End', async () => {
    const user = userEvent.setup();
    render(<OtpInput defaultValue="123" />);
    await user.click(boxes()[1]!);
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(boxes()[0]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(boxes()[3]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(boxes()[0]);
  });

  it('works controlled, and shows an error on every box with one message', async () => {
    const user = userEvent.setup();
    function Controlled() {
      const [code, setCode] = useState('');
      return (
        <>
          <OtpInput value={code} onValueChange={setCode} error={code === '000000' ? 'That code is not right.' : undefined} />
          <output>{code}</output>
        </>
      );
    }
    render(<Controlled />);
    await user.click(boxes()[0]!);
    await user.paste('000000');
    expect(screen.getByRole('status').textContent).toBe('000000');
    expect(boxes().every((box) => box.getAttribute('aria-invalid') === 'true')).toBe(true);
    const message = screen.getByRole('alert');
    expect(message.textContent).toBe('That code is not right.');
    expect(boxes()[0]!.getAttribute('aria-describedby')).toBe(message.id);
  });
});
