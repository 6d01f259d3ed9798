import { describe, expect, it } from "vitest";

import { amzDate, canonicalRequest, EMPTY_SHA256, signRequest } from "@/lib/media/server/sigv4";

// The worked example from the AWS SigV4 documentation (IAM ListUsers, 2015-08-30).
const url = new URL("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08");
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const now = new Date("2015-08-30T12:36:00Z");
const contentType = "application/x-www-form-urlencoded; charset=utf-8";

describe("signRequest", () => {
  it("builds the documented canonical request", () => {
    const { text } = canonicalRequest({
      method: "GET",
      url,
      headers: { "Content-Type": contentType, Host: "iam.amazonaws.com", "X-Amz-Date": "20150830T123600Z" },
      payloadHash: EMPTY_SHA256,
    });
    expect(text).toBe(
      [
        "GET",
        "/",
        "Action=ListUsers&Version=2010-05-08",
        `content-type:${contentType}`,
        "host:iam.amazonaws.com",
        "x-amz-date:20150830T123600Z",
        "",
        "content-type;host;x-amz-date",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ].join("\n"),
    );
  });

  it("reproduces the documented signature", () => {
    expect(amzDate(now)).toBe("20150830T123600Z");
    const headers = signRequest({
      method: "GET",
      url,
      headers: { "content-type": contentType },
      payloadHash: EMPTY_SHA256,
      region: "us-east-1",
      service: "iam",
      credentials,
      now,
    });
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    );
  });

  it("signs the session token and encodes the path once", () => {
    const headers = signRequest({
      method: "GET",
      url: new URL("http://127.0.0.1:9000/b/media/a b"),
      headers: {},
      payloadHash: EMPTY_SHA256,
      region: "us-east-1",
      service: "s3",
      credentials: { ...credentials, sessionToken: "tok" },
      now,
    });
    expect(headers["x-amz-security-token"]).toBe("tok");
    expect(headers.authorization).toContain("SignedHeaders=host;x-amz-date;x-amz-security-token,");
    const { text } = canonicalRequest({ method: "GET", url: new URL("http://h/b/media/a b"), headers: {}, payloadHash: EMPTY_SHA256 });
    expect(text.split("\n")[1]).toBe("/b/media/a%20b");
  });
});
