"use client";

import { useId, useMemo, useState } from "react";

import type { CodeSource } from "@/components/code-view/code-source";
import { CodeTabs, type SnippetLanguage } from "@/components/code-view/code-tabs";
import { useSnippetTarget } from "@/components/code-view/use-snippet-target";
import { AlertIcon, CheckIcon, CopyIcon } from "@/components/ui/icons";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { Segmented } from "@/components/ui/segmented";
import { buttonSizes, buttonStyles } from "@/components/ui/styles";
import { useCopy } from "@/components/ui/use-copy";
import { snippetBody, snippetMediaNames } from "@/lib/code-view/sent-request-snippet";
import { generateSnippets, type CodeSnippets, type SnippetTarget } from "@/lib/code-view/snippets";

type TargetKind = SnippetTarget["kind"];
type MediaMode = "placeholder" | "path";

interface ViewCodeDialogProps {
  source: CodeSource;
  onClose: () => void;
}

function buildSnippets(source: CodeSource, target: SnippetTarget, media: MediaMode): CodeSnippets | { error: string } {
  try {
    const body = snippetBody(source.sent, source.model || "MODEL_ID");
    return generateSnippets({ body, target, media: { placeholder: media }, mediaNames: snippetMediaNames(source.sent) });
  } catch (error) {
    return { error: error instanceof Error ? error.message : "This request cannot be built." };
  }
}

/** The exact upstream request of a turn as curl, Python and TypeScript, ready to copy. */
export default function ViewCodeDialog({ source, onClose }: ViewCodeDialogProps) {
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  const [chosenTarget, setChosenTarget] = useState<TargetKind | null>(null);
  const [media, setMedia] = useState<MediaMode>("placeholder");
  const [copied, copy] = useCopy();
  const ids = useId();
  const direct = useSnippetTarget(source.backendId);
  // Until the person picks, the backend's own URL when there is one, else the pass-through.
  const targetKind: TargetKind = chosenTarget ?? (direct.data ? "backend" : "passthrough");
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const hasUploads = source.sent.media.some((m) => m.source === "upload");

  const info = direct.data;
  const { target, snippets } = useMemo(() => {
    const target: SnippetTarget =
      targetKind === "backend" && info
        ? { kind: "backend", baseUrl: info.baseUrl, apiKeyEnv: info.apiKeyEnv ?? undefined, authScheme: info.authScheme }
        : { kind: "passthrough", playgroundUrl: origin, backendId: source.backendId };
    return { target, snippets: buildSnippets(source, target, media) };
  }, [source, targetKind, info, origin, media]);
  const code = "error" in snippets ? null : snippets[language];

  let note: string;
  if (target.kind === "passthrough") note = `Calls this playground at ${origin}, which adds the backend's key on its side.`;
  else if (target.apiKeyEnv) note = `Calls ${target.baseUrl} with the key from the ${target.apiKeyEnv} environment variable.`;
  else note = `Calls ${target.baseUrl}; this backend is configured without a key.`;

  return (
    <ModalDialog
      title="View code"
      description={
        source.kind === "turn"
          ? `The exact request ${source.backendLabel} got for this reply, streamed with the OpenAI API.`
          : `The exact request ${source.backendLabel} will get when you send this message.`
      }
      onClose={onClose}
      widthClass="w-[min(56rem,calc(100vw-2rem))]"
      data-testid="view-code-dialog"
    >
      <div className="space-y-3 px-5 pt-3 pb-5">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Segmented<TargetKind>
            label="Send the request to"
            data-testid="code-target"
            value={targetKind}
            onChange={setChosenTarget}
            options={[
              { value: "backend", label: "Backend URL", disabled: !direct.data, title: direct.error?.message },
              { value: "passthrough", label: "Through the playground" },
            ]}
          />
          {hasUploads && (
            <Segmented<MediaMode>
              label="Media in the code"
              data-testid="code-media"
              value={media}
              onChange={setMedia}
              options={[
                { value: "placeholder", label: "Placeholder" },
                { value: "path", label: "File path" },
              ]}
            />
          )}
        </div>
        <p data-testid="code-note" className="text-xs text-fg-soft">
          {note}
          {direct.isError && targetKind === "passthrough" && <span className="block">{direct.error.message}</span>}
        </p>
        <div className="flex items-end justify-between gap-2 border-b border-line">
          <CodeTabs value={language} onChange={setLanguage} tabId={(l) => `${ids}-tab-${l}`} panelId={`${ids}-panel`} />
          {code !== null && (
            <button
              type="button"
              data-testid="code-copy"
              onClick={() => copy(code)}
              className={`${buttonStyles.secondary} ${buttonSizes.sm} mb-1 shrink-0`}
            >
              {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
              {copied ? "Copied" : "Copy"}
            </button>
          )}
        </div>
        <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${language}`}>
          {code === null ? (
            <p
              role="alert"
              className="flex gap-2 rounded-xl bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
            >
              <AlertIcon className="mt-0.5 size-4 shrink-0" />
              {"error" in snippets ? snippets.error : ""}
            </p>
          ) : (
            <pre
              data-testid="code-snippet"
              data-language={language}
              tabIndex={0}
              aria-label={`${language} code`}
              className="max-h-[55dvh] overflow-auto rounded-xl border border-line bg-zinc-50 p-4 font-mono text-[12.5px] leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
            >
              {code}
            </pre>
          )}
        </div>
      </div>
    </ModalDialog>
  );
}
