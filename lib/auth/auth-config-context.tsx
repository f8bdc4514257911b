"use client";

import { createContext, useContext } from "react";
import type { PublicAuthConfig } from "@/lib/config/runtime";

const AuthConfigContext = createContext<PublicAuthConfig | null>(null);

export const AuthConfigProvider = AuthConfigContext.Provider;

export function useAuthConfig(): PublicAuthConfig {
  const config = useContext(AuthConfigContext);
  if (!config) throw new Error("useAuthConfig must be used inside AuthConfigProvider");
  return config;
}
