import { describe, expect, it } from "vitest";
import {
  checkInvitationRows,
  parseInvitationCsv,
} from "../../workers/shared/src/contracts/members";

describe("parseInvitationCsv", () => {
  it("reads email, role and display_name into rows numbered from 1", () => {
    const csv = "email,role,display_name\nada@example.org,admin,Ada Lovelace\nbo@example.org,,\n";
    expect(parseInvitationCsv(csv)).toEqual({
      rows: [
        { email: "ada@example.org", role: "admin", displayName: "Ada Lovelace" },
        { email: "bo@example.org" },
      ],
      errors: [],
    });
  });

  it("accepts columns in any order, CRLF line ends, a BOM and a header in any case", () => {
    const csv = "\uFEFFDisplay Name,EMAIL\r\nGrace Hopper,grace@example.org\r\n";
    expect(parseInvitationCsv(csv).rows).toEqual([
      { email: "grace@example.org", displayName: "Grace Hopper" },
    ]);
  });

  it("keeps commas, line breaks and doubled quotes inside quoted values", () => {
    const csv = 'email,display_name\nx@example.org,"Hopper, Grace ""Amazing""\nRear Admiral"\n';
    expect(parseInvitationCsv(csv).rows).toEqual([
      { email: "x@example.org", displayName: 'Hopper, Grace "Amazing"\nRear Admiral' },
    ]);
  });

  it("skips blank lines and trims values, lowercasing roles", () => {
    const csv = "email,role\n\n  a@example.org , Member \n\n,\nb@example.org,ADMIN";
    expect(parseInvitationCsv(csv).rows).toEqual([
      { email: "a@example.org", role: "member" },
      { email: "b@example.org", role: "admin" },
    ]);
  });

  it("reports header problems as row 0 and returns no rows", () => {
    expect(parseInvitationCsv("")).toEqual({
      rows: [],
      errors: [{ row: 0, field: "", message: "The file is empty." }],
    });
    const unknown = parseInvitationCsv("email,team\na@example.org,blue\n");
    expect(unknown.rows).toEqual([]);
    expect(unknown.errors).toEqual([
      {
        row: 0,
        field: "",
        message: 'Unknown column "team"; expected email, role, display_name.',
      },
    ]);
    expect(parseInvitationCsv("role\nadmin\n").errors.map((e) => e.message)).toEqual([
      'The header needs an "email" column.',
    ]);
    expect(parseInvitationCsv("email,Email\n").errors.map((e) => e.message)).toEqual([
      'Column "email" appears twice.',
    ]);
  });

  it("flags a row with extra values and an unclosed quote, keeping row numbers aligned", () => {
    const csv =
      'email,role\na@example.org,member,surplus\nb@example.org,member,,\nc@x.org,"admin\n';
    const { rows, errors } = parseInvitationCsv(csv);
    expect(rows.map((r) => r.email)).toEqual(["a@example.org", "b@example.org", "c@x.org"]);
    expect(errors).toEqual([
      { row: 1, field: "", message: "Row has more values than the header has columns." },
      { row: 3, field: "", message: "A quoted value is never closed." },
    ]);
  });
});

describe("checkInvitationRows", () => {
  it("normalizes valid rows and defaults the role to member", () => {
    const { valid, errors } = checkInvitationRows([
      { email: "  Ada@Example.ORG ", displayName: " Ada " },
      { email: "bo@example.org", role: "admin", displayName: "  " },
    ]);
    expect(errors).toEqual([]);
    expect(valid).toEqual([
      { row: 1, input: { email: "ada@example.org", role: "member", displayName: "Ada" } },
      { row: 2, input: { email: "bo@example.org", role: "admin", displayName: undefined } },
    ]);
  });

  it("names the row and field of every problem, and repeated addresses after the first", () => {
    const { valid, errors } = checkInvitationRows([
      { email: "a@example.org" },
      { email: "not-an-email", role: "owner" },
      { email: "A@example.org" },
      "just text",
    ]);
    expect(valid.map((r) => r.row)).toEqual([1]);
    expect(errors).toEqual([
      { row: 2, field: "email", message: "Enter a valid email address." },
      { row: 2, field: "role", message: 'Role must be "admin" or "member".' },
      { row: 3, field: "email", message: "This address is already in row 1." },
      { row: 4, field: "", message: expect.any(String) },
    ]);
  });
});
