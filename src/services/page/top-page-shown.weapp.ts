// WeChat draws its own page stack: nothing to keep.
export function keepTopPageShown(): void {}
