import { Hono } from "hono";
import {
  commitmentChange,
  commitmentInput,
  commitmentList,
  commitmentParam,
  commitmentView,
  pairParam,
} from "../../../../shared/src/contracts/relationship/commitments";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { listCommitments } from "./list";
import { changeCommitment, createCommitment, markCommitment } from "./writes";

/** Mounted at /v1/matches/:matchId/commitments. */
export const commitmentsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members("meetings:read"),
    validate("param", pairParam),
    responds(200, commitmentList),
    async (c) => c.json(await listCommitments({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/",
    allows.members("meetings:write"),
    validate("param", pairParam),
    validate("json", commitmentInput),
    responds(201, commitmentView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await createCommitment({ ctx: tenantCtx(c), input }), 201);
    },
  )
  .patch(
    "/:id",
    allows.members("meetings:write"),
    validate("param", commitmentParam),
    validate("json", commitmentChange),
    responds(200, commitmentView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await changeCommitment({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:id/done",
    allows.members("meetings:write"),
    validate("param", commitmentParam),
    responds(200, commitmentView),
    async (c) => {
      const input = { ...c.req.valid("param"), done: true };
      return c.json(await markCommitment({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:id/undone",
    allows.members("meetings:write"),
    validate("param", commitmentParam),
    responds(200, commitmentView),
    async (c) => {
      const input = { ...c.req.valid("param"), done: false };
      return c.json(await markCommitment({ ctx: tenantCtx(c), input }));
    },
  );
