import { criterionFields, mustWeight } from "../program-rules";
import { type CriterionValue, criterionValues } from "./criteria";
import type { CriterionField, MatchingRules } from "./types";

/** A program's matching rules, read once for the many pairs they will judge. */
export interface CompiledRules {
  rules: MatchingRules;
  criteria: {
    field: CriterionField;
    /** Position in `criterionFields`: part of the exclusion code of a failed must. */
    index: number;
    weight: number;
    must: boolean;
    value: CriterionValue;
  }[];
  totalWeight: number;
  /** Shared waking minutes a pair needs; 0 when the program asks for none. */
  minSharedMinutes: number;
  apartDepartments: boolean;
  noReportingLine: boolean;
}

export function compileRules(rules: MatchingRules): CompiledRules {
  const criteria = rules.criteria.map(({ field, weight }) => ({
    field,
    index: criterionFields.indexOf(field),
    weight,
    must: weight >= mustWeight,
    value: criterionValues[field],
  }));
  return {
    rules,
    criteria,
    totalWeight: criteria.reduce((sum, c) => sum + c.weight, 0),
    minSharedMinutes: rules.hardConstraints.timeZoneOverlapHours * 60,
    apartDepartments: rules.hardConstraints.sameDepartment === "not_allowed",
    noReportingLine: rules.hardConstraints.noReportingLine,
  };
}
