export * from "./enums";
export * from "./staff";
export * from "./taxonomy";
export * from "./customers";
export * from "./complaints";
export * from "./timeline";
export * from "./improvement";
export * from "./outbox";
