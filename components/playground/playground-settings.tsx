"use client";

import { MediaParamsPanel } from "@/components/media/media-params-panel";
import type { useComposerMedia } from "@/components/media/use-composer-media";
import { ParamsPanel } from "@/components/params/params-panel";
import { ReasoningToggle } from "@/components/params/reasoning-toggle";
import { SystemPromptField } from "@/components/params/system-prompt-field";
import { SettingsSection, SettingsSidebar } from "@/components/playground/settings-sidebar";
import type { useSamplingParams } from "@/components/playground/use-sampling-params";
import type { useSettingsRail } from "@/components/playground/use-settings-rail";
import { ToolsPanel } from "@/components/tools/tools-panel";
import type { ToolsDraftState } from "@/components/tools/use-tools-draft";
import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";

interface PlaygroundSettingsProps {
  rail: ReturnType<typeof useSettingsRail>;
  backend: BackendSummary | null;
  family: Family;
  reasoning: boolean;
  /** Why reasoning cannot be turned on for this backend and media, or null. */
  unavailableReason: string | null;
  onReasoning: (wanted: boolean) => void;
  tools: ToolsDraftState;
  systemPrompt: string;
  onSystemPrompt: (value: string) => void;
  media: ReturnType<typeof useComposerMedia>;
  params: ReturnType<typeof useSamplingParams>;
}

/** The playground's settings rail: reasoning, tools, system prompt, media and sampling parameters. */
export function PlaygroundSettings(props: PlaygroundSettingsProps) {
  const { rail, backend, family, reasoning, media, params } = props;
  return (
    <SettingsSidebar open={rail.drawerOpen} onClose={rail.closeDrawer} collapsed={rail.collapsed} onCollapse={rail.collapse}>
      <SettingsSection>
        <ReasoningToggle
          family={family}
          checked={reasoning}
          unavailableReason={backend ? props.unavailableReason : null}
          onChange={props.onReasoning}
        />
      </SettingsSection>
      <SettingsSection>
        <ToolsPanel family={family} state={props.tools} />
      </SettingsSection>
      <SettingsSection>
        <SystemPromptField value={props.systemPrompt} onChange={props.onSystemPrompt} family={family} reasoning={reasoning} />
      </SettingsSection>
      {backend && (
        <SettingsSection>
          <MediaParamsPanel family={family} draft={media.draft} parsed={media.parsed} context={media.context} onChange={media.setDraft} />
        </SettingsSection>
      )}
      <SettingsSection>
        <ParamsPanel
          state={params.state}
          errors={params.parsed.errors}
          presetLabel={backend ? `${FAMILY_INFO[family].label} · ${reasoning ? "reasoning" : "no reasoning"}` : "waiting for the backends"}
          onEdit={params.edit}
          onStopChange={params.setStop}
          onReset={params.reset}
        />
      </SettingsSection>
    </SettingsSidebar>
  );
}
