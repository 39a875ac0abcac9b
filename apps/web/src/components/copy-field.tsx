import { useId, useState } from 'react';
import { useTranslation } from '../lib/i18n';

interface CopyFieldProps {
  label: string;
  value: string;
  /** Said once the value is on the clipboard, and when the browser refused. */
  copiedText: string;
  failedText: string;
}

/** A read-only value with a copy button (a share link, a temporary password); selects itself on focus. */
export function CopyField({ label, value, copiedText, failedText }: CopyFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <>
      <label htmlFor={`${id}-value`} className="field__label">
        {label}
      </label>
      <div className="copy-field__row">
        <input
          id={`${id}-value`}
          className="field__input"
          readOnly
          value={value}
          onFocus={(event) => {
            event.target.select();
          }}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('common.copy')}
        </button>
      </div>
      <p role="status" className="field__hint">
        {copied === 'yes' ? copiedText : copied === 'no' ? failedText : ''}
      </p>
    </>
  );
}
