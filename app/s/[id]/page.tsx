import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";

import { SessionRemoved } from "@/components/share/session-removed";
import { SharedSession } from "@/components/share/shared-session";
import { sessionDescription, snapshotToTurns } from "@/lib/conversations/data";
import { readShare } from "@/lib/conversations/server/service";
import { PlaygroundError } from "@/lib/core/errors";
import { mediaUrl } from "@/lib/media/media-api";
import type { Snapshot } from "@/lib/server/db/snapshots";
import { requestOrigin } from "@/lib/server/request-origin";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

type Lookup = { status: "found"; snapshot: Snapshot } | { status: "removed" } | { status: "missing" };

// One read per request, shared by the metadata and the page.
const lookup = cache(async (id: string): Promise<Lookup> => {
  try {
    return { status: "found", snapshot: await readShare(id) };
  } catch (error) {
    if (error instanceof PlaygroundError && error.code === "gone") return { status: "removed" };
    if (error instanceof PlaygroundError && error.code === "not_found") return { status: "missing" };
    throw error;
  }
});

/** The first stored image, for link previews; videos have no still frame on the server. */
function previewImage(snapshot: Snapshot): string | null {
  for (const turn of snapshot.data.turns) {
    const image = turn.attachments?.find((a) => a.kind === "image" && a.mediaId !== undefined)?.mediaId;
    if (image) return mediaUrl(image);
    if (turn.result?.kind === "image" && turn.result.mediaId) return mediaUrl(turn.result.mediaId);
  }
  return null;
}

/** X-Forwarded-Host and -Proto only count behind PLAYGROUND_TRUST_PROXY: a client could name any site. */
async function origin(): Promise<URL> {
  return requestOrigin(new Headers(await headers()), "http://localhost");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await lookup((await params).id);
  const robots = { index: false, follow: false };
  if (found.status === "removed") return { title: "Shared session removed · NIM Playground", robots };
  if (found.status === "missing") return { title: "Not found · NIM Playground", robots };
  const { snapshot } = found;
  const title = `${snapshot.title} · NIM Playground`;
  const description = sessionDescription(snapshot.data);
  const image = previewImage(snapshot);
  const images = image ? [{ url: image, alt: snapshot.title }] : undefined;
  return {
    metadataBase: await origin(),
    title,
    description,
    robots,
    openGraph: {
      type: "article",
      siteName: "NIM Playground",
      title: snapshot.title,
      description,
      images,
      publishedTime: snapshot.createdAt,
    },
    twitter: { card: image ? "summary_large_image" : "summary", title: snapshot.title, description, images: image ? [image] : undefined },
  };
}

export default async function SharedSessionPage({ params }: Props) {
  const found = await lookup((await params).id);
  if (found.status === "missing") notFound();
  // Normally answered by proxy.ts with a 410; this covers a link revoked in between.
  if (found.status === "removed") return <SessionRemoved />;
  const { snapshot } = found;
  return (
    <SharedSession
      id={snapshot.id}
      title={snapshot.title}
      createdAt={snapshot.createdAt}
      data={snapshot.data}
      turns={snapshotToTurns(snapshot.data.turns)}
    />
  );
}
