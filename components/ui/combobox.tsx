"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";

export interface ComboboxOption {
  value: string;
  label: string;
  /** A second line: a sign-in name, a domain. */
  detail?: string | null;
}

/**
 * A text field with suggestions (the ARIA combobox pattern): typing narrows the
 * list the caller gives, arrow keys move through it, Enter or a click picks one,
 * Escape closes it. What is typed stays the caller's (`text`), so a caller can
 * also act on a partial entry.
 */
export function Combobox({
  label,
  text,
  onTextChange,
  options,
  onPick,
  onEnter,
  placeholder,
  className,
  inputClassName,
  describedBy,
}: {
  label: string;
  text: string;
  onTextChange: (text: string) => void;
  /** The suggestions for what is typed, best first. */
  options: ComboboxOption[];
  onPick: (option: ComboboxOption) => void;
  /** Enter with no suggestion highlighted. */
  onEnter?: () => void;
  placeholder?: string;
  className?: string;
  inputClassName?: string;
  describedBy?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = open && options.length > 0;
  const activeOption = shown && active >= 0 ? options[active] : undefined;

  const pick = (option: ComboboxOption) => {
    setOpen(false);
    setActive(-1);
    onPick(option);
  };

  return (
    <div className={cn("relative", className)}>
      <label className="flex items-center gap-2 text-sm text-muted">
        {label}
        <input
          type="text"
          role="combobox"
          aria-expanded={shown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${id}-option-${active}` : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={placeholder}
          onChange={(event) => {
            onTextChange(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              if (!shown) return setOpen(true);
              const step = event.key === "ArrowDown" ? 1 : -1;
              setActive((current) => (current + step + options.length) % options.length);
            } else if (event.key === "Enter") {
              event.preventDefault();
              if (activeOption) pick(activeOption);
              else {
                setOpen(false);
                onEnter?.();
              }
            } else if (event.key === "Escape" && shown) {
              event.preventDefault();
              setOpen(false);
              setActive(-1);
            }
          }}
          className={cn("h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg placeholder:text-muted", inputClassName)}
        />
      </label>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!shown}
        className="absolute right-0 z-20 mt-1 max-h-72 w-max max-w-[min(28rem,calc(100vw-2rem))] min-w-full overflow-auto rounded-md border border-border bg-surface py-1 text-sm shadow-lg"
      >
        {shown
          ? options.map((option, index) => (
              <li
                key={option.value}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === active}
                // Picked on mouse down, before the field's blur closes the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(option);
                }}
                className={cn("cursor-pointer px-3 py-1.5", index === active ? "bg-accent-soft" : "hover:bg-surface-muted")}
              >
                <span className="block truncate text-fg">{option.label}</span>
                {option.detail ? <span className="block truncate text-xs text-muted">{option.detail}</span> : null}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
