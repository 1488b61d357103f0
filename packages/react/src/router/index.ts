/**
 * Routing for multi-step components (SignIn, SignUp, UserProfile).
 *
 * A component wraps its steps in <RouterProvider routing={props.routing} path={props.path}>; steps
 * call `useRouter()` for `route`, `navigate(subpath)`, `href()` and `redirect(url)`.
 *
 * @example
 * function SignInSteps() {
 *   const { route, navigate } = useRouter();
 *   return route === 'factor-one' ? <Password /> : <Start onContinue={() => navigate('factor-one')} />;
 * }
 * <RouterProvider routing="path" path="/sign-in"><SignInSteps /></RouterProvider>
 */
export { RouterProvider, useRouter, type RouterProviderProps } from './RouterProvider.tsx';
export { Route } from './Route.tsx';
export { RouterContext, type RouterValue, type RoutingMode } from './RouterContext.ts';
export { NavigationContext, type NavigationValue, type RouterFn } from './NavigationContext.ts';
export { normalizeRoute, routeFromPathname, splitTarget, isExternalUrl } from './location.ts';
