// What validating the form needs besides the form: the secret and whether the key and mTLS credential are there.

/** Values validation needs that are not in FlowForm. */
export interface ValidationContext {
  secret: string;
  /** whether the key named by `keyRef` is loaded */
  hasKey: boolean;
  /** whether the relay holds a pasted client certificate (then no file names are needed) */
  hasMtlsCredential?: boolean;
}
