using System.Runtime.CompilerServices;

// `./xous bench ctap` composes its authenticator from the same test environment (RAM store, test attestation).
[assembly: InternalsVisibleTo("Xous.Bench")]
