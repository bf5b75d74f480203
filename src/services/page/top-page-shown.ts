// The page on top of the stack is always shown, whatever the router's timers do.

/** Once, at launch. */
export declare function keepTopPageShown(): void
