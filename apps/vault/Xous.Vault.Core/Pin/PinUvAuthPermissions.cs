using System;

namespace Xous.Vault.Pin;

/// <summary>pinUvAuthToken permissions (CTAP 2.1 §6.5.5.7).</summary>
[Flags]
public enum PinUvAuthPermissions : byte
{
    /// <summary>No permission.</summary>
    None = 0,
    /// <summary>mc: makeCredential.</summary>
    MakeCredential = 0x01,
    /// <summary>ga: getAssertion.</summary>
    GetAssertion = 0x02,
    /// <summary>cm: credentialManagement.</summary>
    CredentialManagement = 0x04,
    /// <summary>be: bioEnrollment (not supported: no built-in UV).</summary>
    BioEnrollment = 0x08,
    /// <summary>lbw: largeBlobWrite.</summary>
    LargeBlobWrite = 0x10,
    /// <summary>acfg: authenticatorConfig.</summary>
    AuthenticatorConfig = 0x20,
}
