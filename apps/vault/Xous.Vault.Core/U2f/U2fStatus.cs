namespace Xous.Vault.U2f;

/// <summary>ISO 7816-4 status words used by U2F (FIDO U2F raw message formats §3.3).</summary>
public enum U2fStatus : ushort
{
    /// <summary>SW_NO_ERROR.</summary>
    Ok = 0x9000,

    /// <summary>SW_CONDITIONS_NOT_SATISFIED: user presence is needed (the host polls).</summary>
    ConditionsNotSatisfied = 0x6985,

    /// <summary>SW_WRONG_DATA: a key handle that is not ours for this application.</summary>
    WrongData = 0x6A80,

    /// <summary>SW_WRONG_LENGTH.</summary>
    WrongLength = 0x6700,

    /// <summary>SW_INS_NOT_SUPPORTED.</summary>
    InstructionNotSupported = 0x6D00,

    /// <summary>SW_CLA_NOT_SUPPORTED.</summary>
    ClassNotSupported = 0x6E00,

    /// <summary>Anything else (storage failure).</summary>
    Other = 0x6F00,
}
