/**
 * @usher/react — provider and hooks over the headless SDK. Components arrive with the
 * components issue; everything here is already usable for custom flows.
 */
export { UsherProvider, type UsherProviderProps } from './provider/UsherProvider.tsx';
export { useUsher, useUsherSnapshot } from './hooks/use-usher.ts';
export { useAuth, type UseAuthReturn } from './hooks/use-auth.ts';
export { useUser, useSession, useSessionList, useSignIn, useSignUp } from './hooks/use-resources.ts';
export type { Has, HasParams } from '@usher/protocol/has';
export { SignedIn, type SignedInProps } from './control/SignedIn.tsx';
export { SignedOut, type SignedOutProps } from './control/SignedOut.tsx';
export { Loaded, type LoadedProps } from './control/Loaded.tsx';
export { Loading, type LoadingProps } from './control/Loading.tsx';
export { Protect, type ProtectProps } from './control/Protect.tsx';
export { RedirectToSignIn, type RedirectToSignInProps } from './control/RedirectToSignIn.tsx';
export { RedirectToSignUp, type RedirectToSignUpProps } from './control/RedirectToSignUp.tsx';
export { SignInButton, type SignInButtonProps } from './control/SignInButton.tsx';
export { SignUpButton, type SignUpButtonProps } from './control/SignUpButton.tsx';
export { SignOutButton, type SignOutButtonProps } from './control/SignOutButton.tsx';
export type { Navigate } from './control/navigation.ts';
export { SignUp, type SignUpProps, type SignUpInitialValues } from './components/SignUp/SignUp.tsx';
export { useInitialState, type UsherInitialState } from './provider/initial-state.ts';
export { ELEMENT_KEYS, type ElementKey, type ElementState } from './appearance/element-keys.ts';
export type { Appearance, ProviderAppearance, ComponentKey, Elements, ElementStyle, Layout, StyleObject, Variables } from './appearance/types.ts';
export { enUS } from './localization/en-US.ts';
export type { LocalizationKey, LocalizationResource } from './localization/types.ts';
export type { RoutingMode } from './router/RouterContext.ts';
export { UserButton, type UserButtonProps } from './components/UserButton/UserButton.tsx';
export { UserProfile, type UserProfileProps } from './components/UserProfile/UserProfile.tsx';
export type { UserProfilePageProps, UserProfileLinkProps } from './components/UserProfile/custom-pages.tsx';
export { UserAvatar, type UserAvatarProps } from './components/UserAvatar/UserAvatar.tsx';
export { SignIn, type SignInProps } from './components/SignIn/SignIn.tsx';
export { AuthenticateWithRedirectCallback, type AuthenticateWithRedirectCallbackProps } from './components/AuthenticateWithRedirectCallback/AuthenticateWithRedirectCallback.tsx';
