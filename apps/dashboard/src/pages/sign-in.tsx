import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useLogin } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { LanguagePicker } from '../shell/language-picker';
import { ErrorText } from './notice';

/** E-mail and password; then the authenticator code when the account has one turned on. */
export function SignInPage() {
  const { t } = useI18n();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email, password, ...(step === 'code' ? { totpCode: code } : {}) }, {
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'AUTH_MFA_REQUIRED') {
          setStep('code');
          login.reset();
        }
      },
    });
  };
  const back = () => {
    setStep('password');
    setCode('');
    login.reset();
  };

  return (
    <main className="center-page" id="main">
      <div className="card auth">
        <h1>{step === 'password' ? t.signIn.title : t.signIn.totpTitle}</h1>
        <form onSubmit={submit} noValidate={false}>
          {step === 'password' ? (
            <>
              <label htmlFor="email">{t.signIn.email}</label>
              <input id="email" name="email" type="email" autoComplete="username" required autoFocus
                value={email} onChange={(e) => setEmail(e.target.value)} />
              <label htmlFor="password">{t.signIn.password}</label>
              <input id="password" name="password" type="password" autoComplete="current-password" required
                value={password} onChange={(e) => setPassword(e.target.value)} />
            </>
          ) : (
            <>
              <p id="code-help">{t.signIn.totpHelp}</p>
              <label htmlFor="code">{t.signIn.totpCode}</label>
              <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6}
                required autoFocus aria-describedby="code-help" value={code} onChange={(e) => setCode(e.target.value.trim())} />
            </>
          )}
          <ErrorText error={login.error} />
          <div className="actions">
            {step === 'code' && <button type="button" className="secondary" onClick={back}>{t.signIn.back}</button>}
            <button type="submit" disabled={login.isPending}>
              {login.isPending ? t.signIn.busy : step === 'password' ? t.signIn.submit : t.signIn.verify}
            </button>
          </div>
        </form>
      </div>
      <LanguagePicker />
    </main>
  );
}
