import { describe, expect, it } from "vitest";
import { fakeFetch, graphError, json, noSleep, TEST_ROOT, TEST_TOKEN, type FakeHandler } from "@/tests/fake-fetch";
import { automaticRedemptionWrite } from "./partner-writes";
import { runSequence } from "./writes";

const ID = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const PARTNER_PATH = `/beta/policies/crossTenantAccessPolicy/partners/${ID}`;

/** A partner whose automatic redemption the fake keeps, as Graph does: PATCH replaces the object whole. */
function fakePartner(consent: { inboundAllowed: boolean | null; outboundAllowed: boolean | null } | null, patch: (consent: unknown) => Response | "lost" = () => new Response(null, { status: 204 })) {
  let current = consent;
  const handler: FakeHandler = (call) => {
    if (call.url.pathname !== PARTNER_PATH) return undefined;
    if (call.method === "GET") return json(200, { tenantId: ID, automaticUserConsentSettings: current });
    if (call.method !== "PATCH") return undefined;
    const sent = (call.body as { automaticUserConsentSettings: { inboundAllowed: boolean; outboundAllowed: boolean } }).automaticUserConsentSettings;
    current = sent;
    const answer = patch(sent);
    if (answer === "lost") throw new TypeError("socket hang up");
    return answer;
  };
  const fake = fakeFetch(handler);
  const options = { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep, random: () => 1 };
  const change = (allowed: boolean, direction: "inbound" | "outbound" = "outbound") =>
    runSequence(TEST_TOKEN, [{ declare: () => automaticRedemptionWrite(TEST_TOKEN, ID, direction, allowed, options) }], options);
  return { fake, change };
}

describe("change outbound automatic redemption", () => {
  it("sends outbound as asked and inbound as Graph holds it", async () => {
    const { fake, change } = fakePartner({ inboundAllowed: true, outboundAllowed: false });
    expect(await change(true)).toMatchObject([{ write: "set-outbound-redemption", kind: "done", tenantId: ID }]);
    expect(fake.calls.filter((call) => call.method === "PATCH").map((call) => call.body)).toEqual([{ automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true } }]);
  });

  it("turns it off for a partner that inherits both directions, inbound left inherited", async () => {
    const { fake, change } = fakePartner(null);
    expect(await change(false)).toMatchObject([{ kind: "done" }]);
    expect(fake.calls.find((call) => call.method === "PATCH")?.body).toEqual({ automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: false } });
  });

  it("turns inbound on and never writes an inherited outbound as an explicit off", async () => {
    const { fake, change } = fakePartner({ inboundAllowed: null, outboundAllowed: null });
    expect(await change(true, "inbound")).toMatchObject([{ write: "set-inbound-redemption", kind: "done" }]);
    expect(fake.calls.find((call) => call.method === "PATCH")?.body).toEqual({ automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: null } });
  });

  it("sends nothing when the partner cannot be read first, so inbound is never switched by guess", async () => {
    const fake = fakeFetch((call) => (call.method === "GET" ? graphError(500, "InternalServerError", "down", "r500") : undefined));
    const options = { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep, random: () => 1 };
    const outcomes = await runSequence(TEST_TOKEN, [{ declare: () => automaticRedemptionWrite(TEST_TOKEN, ID, "outbound", true, options) }], options);
    expect(outcomes).toMatchObject([{ write: "set-outbound-redemption", kind: "failed", attempts: 0, error: { requestId: "r500" } }]);
    expect(fake.calls.some((call) => call.method === "PATCH")).toBe(false);
  });

  it("after a lost answer reads the partner back instead of sending the PATCH again", async () => {
    const { fake, change } = fakePartner({ inboundAllowed: false, outboundAllowed: false }, () => "lost");
    expect(await change(true)).toMatchObject([{ kind: "done", attempts: 1, error: null }]);
    expect(fake.calls.filter((call) => call.method === "PATCH")).toHaveLength(1);
    expect(fake.calls.filter((call) => call.method === "GET")).toHaveLength(2);
  });

  it("says who refused, and that a missing partner cannot be changed", async () => {
    const refused = fakePartner({ inboundAllowed: false, outboundAllowed: false }, () => graphError(403, "Authorization_RequestDenied", "no", "r403"));
    expect(await refused.change(true)).toMatchObject([{ kind: "forbidden", error: { requestId: "r403" } }]);
    const gone = fakePartner({ inboundAllowed: false, outboundAllowed: false }, () => graphError(404, "Request_ResourceNotFound", "gone", "r404"));
    expect(await gone.change(true)).toMatchObject([{ kind: "not-found" }]);
  });
});
