import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppearanceScope } from '../appearance/AppearanceScope.tsx';
import { Alert } from './Alert.tsx';
import { Avatar } from './Avatar.tsx';
import { Button } from './Button.tsx';
import { Card, CardFooterAction } from './Card.tsx';
import { Divider } from './Divider.tsx';
import { Form } from './Form.tsx';
import { IdentityPreview } from './IdentityPreview.tsx';
import { Spinner } from './Spinner.tsx';

afterEach(cleanup);

describe('<Button>', () => {
  it('is a non-submitting button by default, with its variant and semantic element key', () => {
    render(
      <Button variant="secondary" element="socialButtonsBlockButton" elementId="google">
        Google
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Google' });
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('data-variant')).toBe('secondary');
    expect(button.className).toBe('usher-button usher-button__google usher-socialButtonsBlockButton usher-socialButtonsBlockButton__google');
  });

  it('while loading: busy, a spinner, clicks ignored, still focusable', async () => {
    const onClick = vi.fn();
    render(
      <Button loading onClick={onClick}>
        Continue
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Continue' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.getAttribute('data-state')).toBe('loading');
    expect(button.classList.contains('usher-button__loading')).toBe(true);
    expect(button.querySelector('.usher-spinner')?.getAttribute('aria-hidden')).toBe('true');
    await userEvent.setup().click(button);
    expect(onClick).not.toHaveBeenCalled();
    button.focus();
    expect(document.activeElement).toBe(button);
  });

  it('disabled: not clickable, marked with the disabled state', () => {
    render(<Button disabled>Continue</Button>);
    const button = screen.getByRole('button', { name: 'Continue' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.className).toContain('usher-button__disabled');
  });
});

describe('<Form>', () => {
  it('submits once and ignores submits while loading', () => {
    const onSubmit = vi.fn();
    const { rerender } = render(
      <Form onSubmit={onSubmit} aria-label="sign in">
        <button type="submit">Go</button>
      </Form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    rerender(
      <Form onSubmit={onSubmit} loading aria-label="sign in">
        <button type="submit">Go</button>
      </Form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('form', { name: 'sign in' }).getAttribute('aria-busy')).toBe('true');
  });
});

describe('<Alert>', () => {
  it('interrupts for errors and waits politely for information', () => {
    render(
      <>
        <Alert>That code is not right.</Alert>
        <Alert variant="info">We sent you a new code.</Alert>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toBe('That code is not right.');
    expect(screen.getByRole('status').textContent).toBe('We sent you a new code.');
  });
});

describe('<Avatar>', () => {
  it('shows a photo with alternative text', () => {
    render(<Avatar name="Ada Lovelace" imageUrl="https://img.example.com/ada.png" />);
    expect(screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' }).tagName).toBe('IMG');
  });

  it('falls back to initials when the photo fails to load', () => {
    render(<Avatar name="Ada Lovelace" imageUrl="https://img.example.com/broken.png" />);
    fireEvent.error(screen.getByRole('img'));
    const fallback = screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' });
    expect(fallback.textContent).toBe('AL');
  });

  it('draws a titled "marble" picture as an image', () => {
    const { container } = render(<Avatar name="Ada Lovelace" variant="marble" />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Profile picture of Ada Lovelace');
    expect(svg.querySelector('title')?.textContent).toBe('Ada Lovelace');
    expect(container.firstElementChild!.className).toContain('usher-avatarBox__marble');
  });

  it('is hidden from assistive tech when decorative', () => {
    const { container } = render(<Avatar name="Ada" decorative />);
    expect(container.firstElementChild!.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('<Card>', () => {
  it('labels its region with the title and shows subtitle, content and footer action', () => {
    render(
      <Card title="Sign in to Acme" subtitle="Welcome back" footer={<CardFooterAction text="No account?" link="Sign up" href="/sign-up" />}>
        <p>content</p>
      </Card>,
    );
    expect(screen.getByRole('region', { name: 'Sign in to Acme' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to Acme' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign up' }).getAttribute('href')).toBe('/sign-up');
  });

  it('places the logo inside, outside or nowhere per layout, and links help/privacy/terms', () => {
    const layout = { logoImageUrl: '/logo.svg', termsPageUrl: '/terms' };
    const { container, rerender } = render(
      <AppearanceScope component="signIn" appearance={{ layout: { ...layout, logoPlacement: 'inside' } }}>
        <Card title="Hi" />
      </AppearanceScope>,
    );
    expect(container.querySelector('.usher-header .usher-logoImage')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Terms' }).getAttribute('href')).toBe('/terms');
    rerender(
      <AppearanceScope component="signIn" appearance={{ layout: { ...layout, logoPlacement: 'outside' } }}>
        <Card title="Hi" />
      </AppearanceScope>,
    );
    expect(container.querySelector('.usher-header .usher-logoImage')).toBeNull();
    expect(container.querySelector('.usher-rootBox > .usher-logoBox + .usher-cardBox')).not.toBeNull();
    rerender(
      <AppearanceScope component="signIn" appearance={{ layout: { ...layout, logoPlacement: 'none' } }}>
        <Card title="Hi" />
      </AppearanceScope>,
    );
    expect(container.querySelector('.usher-logoImage')).toBeNull();
  });

  it('offers a named back button when a step can go back', async () => {
    const onBack = vi.fn();
    render(<Card title="Enter your password" onBack={onBack} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalled();
  });
});

describe('small pieces', () => {
  it('IdentityPreview shows who is signing in and a named edit button', async () => {
    const onEdit = vi.fn();
    render(<IdentityPreview identifier="ada@example.com" onEdit={onEdit} />);
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Use a different email address or username' }));
    expect(onEdit).toHaveBeenCalled();
  });

  it('Divider reads "or"; Spinner is a status that says what is loading', () => {
    render(
      <>
        <Divider />
        <Spinner label="Loading your account" />
      </>,
    );
    expect(screen.getByText('or').className).toBe('usher-dividerText');
    expect(screen.getByRole('status').textContent).toBe('Loading your account');
  });
});
