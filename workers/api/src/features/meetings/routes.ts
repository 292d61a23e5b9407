import { Hono } from "hono";
import {
  cancelInput,
  logInput,
  meetingPage,
  meetingParam,
  meetingsQuery,
  meetingView,
  notesInput,
  pairParam,
  rescheduleInput,
  scheduleInput,
} from "../../../../shared/src/contracts/relationship/meetings";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { writePrivateNote, writeSharedNotes } from "./notes";
import { cancelMeeting, logMeeting } from "./outcome";
import { getMeeting, listMeetings } from "./read";
import { rescheduleMeeting, scheduleMeeting } from "./schedule";

/**
 * Mounted at /v1/matches/:matchId/meetings. The pair (and integrations with meetings:write)
 * arrange meetings; coordinators and integrations with meetings:read read them; notes are the
 * pair's alone.
 */
export const meetingsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members("meetings:read"),
    validate("param", pairParam),
    validate("query", meetingsQuery),
    responds(200, meetingPage),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("query") };
      return c.json(await listMeetings({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/",
    allows.members("meetings:write"),
    validate("param", pairParam),
    validate("json", scheduleInput),
    responds(201, meetingView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await scheduleMeeting({ ctx: tenantCtx(c), input }), 201);
    },
  )
  .get(
    "/:meetingId",
    allows.members("meetings:read"),
    validate("param", meetingParam),
    responds(200, meetingView),
    async (c) => c.json(await getMeeting({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .patch(
    "/:meetingId",
    allows.members("meetings:write"),
    validate("param", meetingParam),
    validate("json", rescheduleInput),
    responds(200, meetingView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await rescheduleMeeting({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:meetingId/cancel",
    allows.members("meetings:write"),
    validate("param", meetingParam),
    validate("json", cancelInput),
    responds(200, meetingView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await cancelMeeting({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:meetingId/log",
    allows.members("meetings:write"),
    validate("param", meetingParam),
    validate("json", logInput),
    responds(200, meetingView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await logMeeting({ ctx: tenantCtx(c), input }));
    },
  )
  .put(
    "/:meetingId/shared-notes",
    allows.members(),
    validate("param", meetingParam),
    validate("json", notesInput),
    responds(200, meetingView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await writeSharedNotes({ ctx: tenantCtx(c), input }));
    },
  )
  .put(
    "/:meetingId/private-note",
    allows.members(),
    validate("param", meetingParam),
    validate("json", notesInput),
    responds(200, meetingView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await writePrivateNote({ ctx: tenantCtx(c), input }));
    },
  );
