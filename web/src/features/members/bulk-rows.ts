/** One CSV data row in the preview, with what the browser and then the API said about it. */
export interface PreviewRow {
  row: number;
  email: string;
  role?: string | undefined;
  displayName?: string | undefined;
  problems: string[];
  invited: boolean;
}

export interface Preview {
  /** Problems with the file as a whole (its header, say); nothing can be sent. */
  fileProblems: string[];
  rows: PreviewRow[];
}

/**
 * Parses and checks the CSV with the same code the API uses (loaded on demand, so the
 * validation library is not in the initial bundle).
 */
export async function previewCsv(text: string): Promise<Preview> {
  const { checkInvitationRows, parseInvitationCsv } = await import(
    "../../../../workers/shared/src/contracts/members"
  );
  const parsed = parseInvitationCsv(text);
  const checked = checkInvitationRows(parsed.rows);
  const errors = [...parsed.errors, ...checked.errors];
  return {
    fileProblems: errors.filter((e) => e.row === 0).map((e) => e.message),
    rows: parsed.rows.map((input, index) => ({
      row: index + 1,
      ...input,
      problems: errors.filter((e) => e.row === index + 1).map((e) => e.message),
      invited: false,
    })),
  };
}

export const sendable = (rows: PreviewRow[]) =>
  rows.filter((r) => r.problems.length === 0 && !r.invited);

export const bodyRow = ({ email, role, displayName }: PreviewRow) => ({
  email,
  ...(role ? { role } : {}),
  ...(displayName ? { displayName } : {}),
});

/** Adds the API's verdicts to the rows that were sent (`sent[i]` is the API's row i + 1). */
export function applyOutcome(
  rows: PreviewRow[],
  sent: PreviewRow[],
  outcome: { createdEmails: string[]; errors: { row: number; message: string }[] },
): PreviewRow[] {
  const created = new Set(outcome.createdEmails.map((e) => e.toLowerCase()));
  return rows.map((r) => {
    const index = sent.indexOf(r);
    if (index === -1) return r;
    const problems = outcome.errors.filter((e) => e.row === index + 1).map((e) => e.message);
    return {
      ...r,
      problems: [...r.problems, ...problems],
      invited: created.has(r.email.trim().toLowerCase()),
    };
  });
}
