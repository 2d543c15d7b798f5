namespace Xous.Vault;

/// <summary>CTAP 2.1 status codes (§8.2 "Status codes"); the first byte of every CTAP2 response.</summary>
public enum CtapStatus : byte
{
    /// <summary>CTAP2_OK.</summary>
    Ok = 0x00,
    /// <summary>CTAP1_ERR_INVALID_COMMAND.</summary>
    InvalidCommand = 0x01,
    /// <summary>CTAP1_ERR_INVALID_PARAMETER.</summary>
    InvalidParameter = 0x02,
    /// <summary>CTAP1_ERR_INVALID_LENGTH.</summary>
    InvalidLength = 0x03,
    /// <summary>CTAP1_ERR_INVALID_SEQ.</summary>
    InvalidSeq = 0x04,
    /// <summary>CTAP1_ERR_TIMEOUT.</summary>
    Timeout = 0x05,
    /// <summary>CTAP1_ERR_CHANNEL_BUSY.</summary>
    ChannelBusy = 0x06,
    /// <summary>CTAP1_ERR_LOCK_REQUIRED.</summary>
    LockRequired = 0x0A,
    /// <summary>CTAP1_ERR_INVALID_CHANNEL.</summary>
    InvalidChannel = 0x0B,
    /// <summary>CTAP2_ERR_CBOR_UNEXPECTED_TYPE.</summary>
    CborUnexpectedType = 0x11,
    /// <summary>CTAP2_ERR_INVALID_CBOR.</summary>
    InvalidCbor = 0x12,
    /// <summary>CTAP2_ERR_MISSING_PARAMETER.</summary>
    MissingParameter = 0x14,
    /// <summary>CTAP2_ERR_LIMIT_EXCEEDED.</summary>
    LimitExceeded = 0x15,
    /// <summary>CTAP2_ERR_FP_DATABASE_FULL.</summary>
    FingerprintDatabaseFull = 0x17,
    /// <summary>CTAP2_ERR_LARGE_BLOB_STORAGE_FULL.</summary>
    LargeBlobStorageFull = 0x18,
    /// <summary>CTAP2_ERR_CREDENTIAL_EXCLUDED.</summary>
    CredentialExcluded = 0x19,
    /// <summary>CTAP2_ERR_PROCESSING.</summary>
    Processing = 0x21,
    /// <summary>CTAP2_ERR_INVALID_CREDENTIAL.</summary>
    InvalidCredential = 0x22,
    /// <summary>CTAP2_ERR_USER_ACTION_PENDING.</summary>
    UserActionPending = 0x23,
    /// <summary>CTAP2_ERR_OPERATION_PENDING.</summary>
    OperationPending = 0x24,
    /// <summary>CTAP2_ERR_NO_OPERATIONS.</summary>
    NoOperations = 0x25,
    /// <summary>CTAP2_ERR_UNSUPPORTED_ALGORITHM.</summary>
    UnsupportedAlgorithm = 0x26,
    /// <summary>CTAP2_ERR_OPERATION_DENIED.</summary>
    OperationDenied = 0x27,
    /// <summary>CTAP2_ERR_KEY_STORE_FULL.</summary>
    KeyStoreFull = 0x28,
    /// <summary>CTAP2_ERR_UNSUPPORTED_OPTION.</summary>
    UnsupportedOption = 0x2B,
    /// <summary>CTAP2_ERR_INVALID_OPTION.</summary>
    InvalidOption = 0x2C,
    /// <summary>CTAP2_ERR_KEEPALIVE_CANCEL.</summary>
    KeepaliveCancel = 0x2D,
    /// <summary>CTAP2_ERR_NO_CREDENTIALS.</summary>
    NoCredentials = 0x2E,
    /// <summary>CTAP2_ERR_USER_ACTION_TIMEOUT.</summary>
    UserActionTimeout = 0x2F,
    /// <summary>CTAP2_ERR_NOT_ALLOWED.</summary>
    NotAllowed = 0x30,
    /// <summary>CTAP2_ERR_PIN_INVALID.</summary>
    PinInvalid = 0x31,
    /// <summary>CTAP2_ERR_PIN_BLOCKED.</summary>
    PinBlocked = 0x32,
    /// <summary>CTAP2_ERR_PIN_AUTH_INVALID.</summary>
    PinAuthInvalid = 0x33,
    /// <summary>CTAP2_ERR_PIN_AUTH_BLOCKED.</summary>
    PinAuthBlocked = 0x34,
    /// <summary>CTAP2_ERR_PIN_NOT_SET.</summary>
    PinNotSet = 0x35,
    /// <summary>CTAP2_ERR_PUAT_REQUIRED (PIN_REQUIRED in 2.0).</summary>
    PinUvAuthTokenRequired = 0x36,
    /// <summary>CTAP2_ERR_PIN_POLICY_VIOLATION.</summary>
    PinPolicyViolation = 0x37,
    /// <summary>CTAP2_ERR_REQUEST_TOO_LARGE.</summary>
    RequestTooLarge = 0x39,
    /// <summary>CTAP2_ERR_ACTION_TIMEOUT.</summary>
    ActionTimeout = 0x3A,
    /// <summary>CTAP2_ERR_UP_REQUIRED.</summary>
    UserPresenceRequired = 0x3B,
    /// <summary>CTAP2_ERR_UV_BLOCKED.</summary>
    UvBlocked = 0x3C,
    /// <summary>CTAP2_ERR_INTEGRITY_FAILURE.</summary>
    IntegrityFailure = 0x3D,
    /// <summary>CTAP2_ERR_INVALID_SUBCOMMAND.</summary>
    InvalidSubcommand = 0x3E,
    /// <summary>CTAP2_ERR_UV_INVALID.</summary>
    UvInvalid = 0x3F,
    /// <summary>CTAP2_ERR_UNAUTHORIZED_PERMISSION.</summary>
    UnauthorizedPermission = 0x40,
    /// <summary>CTAP1_ERR_OTHER.</summary>
    Other = 0x7F,
}
