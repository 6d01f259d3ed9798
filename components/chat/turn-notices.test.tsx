import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { TurnNotices } from "@/components/chat/turn-notices";
import { OmittedMediaNotice } from "@/components/media/omitted-media-notice";

describe("notices about media left out of a request", () => {
  const notice = "1 earlier video was left out of this request: Cosmos Reason2 takes at most 1 video per prompt, earlier turns included.";

  it("shows the server's notices under a reply, and nothing for older turns without them", () => {
    const html = renderToStaticMarkup(<TurnNotices notices={[notice]} />);
    expect(html).toContain('data-testid="turn-notices"');
    expect(html).toContain("at most 1 video per prompt");
    expect(renderToStaticMarkup(<TurnNotices notices={undefined} />)).toBe("");
  });

  it("warns in the composer before sending, and stays out of the way otherwise", () => {
    expect(renderToStaticMarkup(<OmittedMediaNotice notice={notice} />)).toContain('role="status"');
    expect(renderToStaticMarkup(<OmittedMediaNotice notice={null} />)).toBe("");
  });
});
