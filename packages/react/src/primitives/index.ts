/**
 * Accessible building blocks of Usher's components. Each one styles itself through the nearest
 * <AppearanceScope> (stable `usher-<key>` classes + the app's `appearance.elements`), reads its
 * strings from `useLocalization()`, forwards its ref and exposes `data-state` + ARIA.
 *
 * @example
 * <AppearanceScope component="signIn" appearance={props.appearance}>
 *   <Card title={t('signIn.start.title')}>
 *     <Form onSubmit={submit} loading={busy}>
 *       <Field name="identifier" autoComplete="username" label={t('formFieldLabel__emailAddress')} error={fields.identifier} />
 *       <Button type="submit" element="formButtonPrimary" loading={busy}>{t('formButtonPrimary')}</Button>
 *     </Form>
 *   </Card>
 * </AppearanceScope>
 */
export { Alert, type AlertProps } from './Alert.tsx';
export { Avatar, type AvatarProps } from './Avatar.tsx';
export { Button, type ButtonProps } from './Button.tsx';
export { Card, CardFooterAction, type CardProps, type CardFooterActionProps } from './Card.tsx';
export { Checkbox, type CheckboxProps } from './Checkbox.tsx';
export { Divider } from './Divider.tsx';
export { Field, type FieldProps } from './Field.tsx';
export { Form, type FormProps } from './Form.tsx';
export { IdentityPreview, type IdentityPreviewProps } from './IdentityPreview.tsx';
export { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, type MenuProps, type MenuItemProps, type MenuListProps, type MenuPopoverProps, type MenuTriggerProps } from './Menu.tsx';
export { OtpInput, type OtpInputProps } from './OtpInput.tsx';
export { Popover, type PopoverProps } from './Popover.tsx';
export { ResendLink, type ResendLinkProps } from './ResendLink.tsx';
export { Spinner, type SpinnerProps } from './Spinner.tsx';
export { usePopoverPosition, computePosition, type Placement, type PopoverPosition } from './use-popover-position.ts';
export { useComposedRefs } from './compose-refs.ts';
export * as Icons from './icons.tsx';
