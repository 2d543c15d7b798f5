using System;
using Xous.Crypto;

namespace Xous.Vault.Environment;

/// <summary>
/// Everything the authenticator logic sees of its platform (the OpenSK/trussed seam): storage, entropy, a monotonic
/// clock, user presence, and the attestation material of this build. Composed by the target's composition root.
/// </summary>
public sealed class VaultEnvironment
{
    /// <summary>Creates the environment.</summary>
    public VaultEnvironment(IVaultStore store, IEntropySource entropy, IMonotonicClock clock, IUserPresence userPresence, AttestationMaterial attestation)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Entropy = entropy ?? throw new ArgumentNullException(nameof(entropy));
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        UserPresence = userPresence ?? throw new ArgumentNullException(nameof(userPresence));
        Attestation = attestation ?? throw new ArgumentNullException(nameof(attestation));
    }

    /// <summary>Persistent storage (the PDDB).</summary>
    public IVaultStore Store { get; }

    /// <summary>True randomness (the TRNG).</summary>
    public IEntropySource Entropy { get; }

    /// <summary>Milliseconds since power-up.</summary>
    public IMonotonicClock Clock { get; }

    /// <summary>The user-presence prompt.</summary>
    public IUserPresence UserPresence { get; }

    /// <summary>The batch attestation key, its certificate and the product's AAGUID.</summary>
    public AttestationMaterial Attestation { get; }
}
