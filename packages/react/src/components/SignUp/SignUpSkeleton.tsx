import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Card } from '../../primitives/Card.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';

/** What <SignUp> shows until the instance settings and the client are known (server render too). */
export function SignUpSkeleton() {
  const el = useElements();
  const { t } = useLocalization();
  return (
    <Card title={t('signUp.start.title')} loading>
      <div {...el('skeleton')} aria-busy="true">
        <Spinner size="lg" />
      </div>
    </Card>
  );
}
