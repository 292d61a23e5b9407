import type { EnrollmentView } from "../../workers/shared/src/contracts/enrollments";
import type { ProgramView } from "../../workers/shared/src/contracts/programs";
import { addMember, apiCall, apiToken, type E2e } from "./helpers";

/** Someone in a seeded cohort: signed up, applied with this profile, approved. */
export interface Person {
  email: string;
  password: string;
  displayName: string;
  role: "mentor" | "mentee";
  profile: { interests?: string[]; department?: string; skills?: string[]; availability?: string };
}

export const person = (
  name: string,
  role: Person["role"],
  profile: Person["profile"],
  slug: string,
): Person => ({
  email: `${name.toLowerCase().replaceAll(" ", ".")}@${slug}.example`,
  password: `${name.toLowerCase().replaceAll(" ", "-")}-lantern-harbour-42`,
  displayName: name,
  role,
  profile,
});

/**
 * An open program whose people have applied with their profiles and been approved, as the
 * programs and enrollments screens would leave it; training is not asked before matching.
 */
export async function seedProgram(
  e2e: E2e,
  slug: string,
  adminToken: string,
  program: { name: string; matching: Record<string, unknown> },
  people: Person[],
  known: Set<string> = new Set(),
): Promise<ProgramView> {
  const created = await apiCall<ProgramView>(e2e, adminToken, "/v1/programs", {
    method: "POST",
    body: {
      name: program.name,
      rules: { matching: program.matching, training: { requiredBeforeMatching: false } },
      applicationForm: { profileFields: {}, questions: [] },
    },
  });
  await apiCall(e2e, adminToken, `/v1/programs/${created.id}/status`, {
    method: "POST",
    body: { status: "open" },
  });
  for (const p of people) {
    if (!known.has(p.email)) {
      await addMember(e2e, adminToken, p);
      known.add(p.email);
    }
    const token = await apiToken(e2e, slug, p.email, p.password);
    const applied = await apiCall<EnrollmentView>(
      e2e,
      token,
      `/v1/programs/${created.id}/enrollments`,
      {
        method: "POST",
        body: { role: p.role, profile: { availability: "Weekday evenings", ...p.profile } },
      },
    );
    await apiCall(
      e2e,
      adminToken,
      `/v1/programs/${created.id}/enrollments/${applied.id}/decision`,
      {
        method: "POST",
        body: { decision: "approve" },
      },
    );
  }
  return created;
}
