/** What the client tells the server at start (initializationOptions): facts only the editor knows. */
export interface ClientFacts {
  /** Red Hat's YAML extension is installed: it reports syntax errors already. */
  redHatYamlInstalled?: boolean;
  workspaceTrusted?: boolean;
  /** VS Code's `http.proxy`. */
  httpProxy?: string;
  /** VS Code's `files.exclude` globs that are on. */
  filesExclude?: string[];
}
