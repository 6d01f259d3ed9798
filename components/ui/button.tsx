import type { ButtonHTMLAttributes, Ref } from "react";

import { buttonSizes, buttonStyles } from "@/components/ui/styles";

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof buttonStyles;
  size?: keyof typeof buttonSizes;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({ variant = "secondary", size = "md", className = "", type = "button", ...props }: ButtonProps) {
  return <button type={type} className={`${buttonStyles[variant]} ${buttonSizes[size]} ${className}`} {...props} />;
}
