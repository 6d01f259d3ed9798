import { Button } from "@/components/ui/button";
import { PresentIcon } from "@/components/ui/icons";

/** Opens presentation mode; "p" does the same when not typing. */
export function PresentButton({
  onClick,
  disabled = false,
  className = "",
}: {
  onClick: () => void;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <Button
      variant="ghost"
      size="icon"
      data-testid="present-button"
      aria-label="Present"
      aria-keyshortcuts="p"
      title={disabled ? "Send a message to present it" : "Present, one exchange at a time (P)"}
      disabled={disabled}
      onClick={onClick}
      className={className}
    >
      <PresentIcon className="size-4" />
    </Button>
  );
}
