import * as v from "valibot";
import { timestamp } from "../common/json";
import { list } from "../common/pagination";
import { healthLevels } from "./stored-shapes";

/**
 * A match's health signal: coordinators read its level with every reason; the pair reads the
 * reasons it is told, in gentler words; integrations read the reasons drawn from records
 * their scopes reach.
 */

const person = v.object({ memberId: v.string(), displayName: v.string() });

export const healthReasonView = v.object({
  code: v.string(),
  text: v.string(),
  severity: v.picklist(["needs_attention", "at_risk"]),
});

/** As coordinators and integrations see it. */
export const matchHealthView = v.object({
  matchId: v.string(),
  mentor: person,
  mentee: person,
  level: v.picklist(healthLevels),
  reasons: v.array(healthReasonView),
  computedAt: timestamp,
});
export type MatchHealthView = v.InferOutput<typeof matchHealthView>;

/** As the pair sees it: the level of what they are told, in their own words. */
export const pairHealthView = v.object({
  matchId: v.string(),
  mentor: person,
  mentee: person,
  level: v.picklist(healthLevels),
  reasons: v.array(v.object({ code: v.string(), text: v.string() })),
  computedAt: timestamp,
});
export type PairHealthView = v.InferOutput<typeof pairHealthView>;

export const healthView = v.union([matchHealthView, pairHealthView]);
export type HealthView = v.InferOutput<typeof healthView>;

export const needsAttentionItem = matchHealthView;
export type NeedsAttentionItem = v.InferOutput<typeof needsAttentionItem>;
export const needsAttentionList = list(needsAttentionItem);
