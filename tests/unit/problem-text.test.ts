import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import ko from '../../public/_locales/ko/messages.json';
import { draftProblemText, packProblemText } from '../../components/problem-text';

/** The $n placeholders a message uses. */
const placeholders = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

describe('problem texts', () => {
  it.each([
    [
      'too-many-facts',
      'You already have 10,000 facts, as many as one export file carries: delete some before adding more.',
    ],
    [
      'export-too-large',
      'Your facts would no longer fit in one export file (5 MB at most): shorten this fact or delete some.',
    ],
  ] as const)('say clearly why a fact was refused at the cap (%s)', (code, message) => {
    expect(draftProblemText({ field: 'text', code, detail: '' }, 20)).toBe(message);
  });

  it.each([
    [
      'too-many-facts',
      'importing it would take you past 10,000 facts, as many as one export file carries: delete some of yours or import a smaller pack',
    ],
    [
      'export-too-large',
      'importing it would make your facts too large for one export file (5 MB at most): delete some of yours or import a smaller pack',
    ],
  ] as const)('say clearly why an import was refused at the cap (%s)', (code, message) => {
    expect(packProblemText({ code, field: '', detail: '' })).toBe(message);
  });

  it.each([
    'factProblemTooManyFacts',
    'factProblemExportTooLarge',
    'packProblemTooManyFacts',
    'packProblemExportTooLarge',
    'packProblemSourceTaken',
  ])('%s is in English and Korean with the same placeholders', (key) => {
    const messages: Record<string, { message: string }> = { ...en };
    const korean: Record<string, { message: string }> = { ...ko };
    expect(messages[key]?.message).toBeTruthy();
    expect(korean[key]?.message).toBeTruthy();
    expect(korean[key]!.message).not.toBe(messages[key]!.message);
    expect(placeholders(korean[key]!.message)).toEqual(placeholders(messages[key]!.message));
  });
});
