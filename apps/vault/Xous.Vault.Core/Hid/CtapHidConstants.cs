namespace Xous.Vault.Hid;

/// <summary>CTAPHID command bytes as they appear in an init packet (bit 7 set).</summary>
public static class CtapHidCommand
{
    /// <summary>CTAPHID_PING: echo the payload.</summary>
    public const byte Ping = 0x81;

    /// <summary>CTAPHID_MSG: one U2F/CTAP1 APDU.</summary>
    public const byte Message = 0x83;

    /// <summary>CTAPHID_LOCK: reserve the device for one channel for 0–10 s.</summary>
    public const byte Lock = 0x84;

    /// <summary>CTAPHID_INIT: allocate a channel (on broadcast) or resynchronise one.</summary>
    public const byte Init = 0x86;

    /// <summary>CTAPHID_WINK: show which authenticator is being talked to.</summary>
    public const byte Wink = 0x88;

    /// <summary>CTAPHID_CBOR: one CTAP2 command.</summary>
    public const byte Cbor = 0x90;

    /// <summary>CTAPHID_CANCEL: cancel the pending request on this channel (never answered itself).</summary>
    public const byte Cancel = 0x91;

    /// <summary>CTAPHID_KEEPALIVE: authenticator to host only, one status byte.</summary>
    public const byte KeepAlive = 0xBB;

    /// <summary>CTAPHID_ERROR: authenticator to host only, one error byte.</summary>
    public const byte Error = 0xBF;

    /// <summary>First vendor command (0xC0–0xFF); none is implemented, all answer INVALID_CMD.</summary>
    public const byte VendorFirst = 0xC0;
}

/// <summary>CTAPHID_ERROR codes.</summary>
public static class CtapHidError
{
    /// <summary>The command is not known.</summary>
    public const byte InvalidCommand = 0x01;

    /// <summary>A parameter is out of range (LOCK longer than 10 s).</summary>
    public const byte InvalidParameter = 0x02;

    /// <summary>BCNT is wrong for the command or above the maximum message size.</summary>
    public const byte InvalidLength = 0x03;

    /// <summary>A continuation packet came out of order, or an init packet interrupted a transaction on its channel.</summary>
    public const byte InvalidSequence = 0x04;

    /// <summary>A multi-packet request stalled for longer than the transaction time-out.</summary>
    public const byte MessageTimeout = 0x05;

    /// <summary>Another channel is busy (receiving or processing) or holds the lock.</summary>
    public const byte ChannelBusy = 0x06;

    /// <summary>The command needs a lock (not used by this authenticator).</summary>
    public const byte LockRequired = 0x0A;

    /// <summary>CID 0, a non-INIT command on the broadcast CID, or a CID never allocated.</summary>
    public const byte InvalidChannel = 0x0B;

    /// <summary>Anything else.</summary>
    public const byte Other = 0x7F;
}

/// <summary>CTAPHID_KEEPALIVE status bytes.</summary>
public static class CtapHidKeepAliveStatus
{
    /// <summary>The authenticator is working on the request.</summary>
    public const byte Processing = 1;

    /// <summary>The authenticator waits for the user's touch.</summary>
    public const byte UserPresenceNeeded = 2;
}

/// <summary>The INIT reply's capability bits and version bytes, and the packet geometry.</summary>
public static class CtapHidProtocol
{
    /// <summary>The broadcast CID, used only for INIT.</summary>
    public const uint BroadcastChannel = 0xFFFF_FFFF;

    /// <summary>CTAPHID protocol version in the INIT reply.</summary>
    public const byte ProtocolVersion = 2;

    /// <summary>Device major version in the INIT reply.</summary>
    public const byte DeviceVersionMajor = 1;

    /// <summary>Device minor version in the INIT reply.</summary>
    public const byte DeviceVersionMinor = 0;

    /// <summary>Device build version in the INIT reply.</summary>
    public const byte DeviceVersionBuild = 0;

    /// <summary>CAPABILITY_WINK.</summary>
    public const byte CapabilityWink = 0x01;

    /// <summary>CAPABILITY_CBOR.</summary>
    public const byte CapabilityCbor = 0x04;

    /// <summary>CAPABILITY_NMSG ("no MSG"); not set, since U2F over CTAPHID_MSG is supported.</summary>
    public const byte CapabilityNoMessage = 0x08;

    /// <summary>The capabilities this authenticator advertises: WINK | CBOR.</summary>
    public const byte Capabilities = CapabilityWink | CapabilityCbor;

    /// <summary>Payload bytes in an init packet (64 − CID 4 − CMD 1 − BCNT 2).</summary>
    public const int InitPayloadSize = 57;

    /// <summary>Payload bytes in a continuation packet (64 − CID 4 − SEQ 1).</summary>
    public const int ContinuationPayloadSize = 59;

    /// <summary>Highest continuation sequence number.</summary>
    public const int MaxSequence = 0x7F;

    /// <summary>INIT nonce length.</summary>
    public const int InitNonceSize = 8;

    /// <summary>INIT reply length: nonce 8 ‖ CID 4 ‖ protocol ‖ major ‖ minor ‖ build ‖ capabilities.</summary>
    public const int InitReplySize = 17;

    /// <summary>Longest LOCK, in seconds.</summary>
    public const int MaxLockSeconds = 10;

    /// <summary>Live channels the table holds; the least recently used idle one is evicted beyond that.</summary>
    public const int MaxChannels = 64;

    /// <summary>How long one wait for a report lasts while a user-presence prompt is polled (ms).</summary>
    public const int UserPresencePollMilliseconds = 10;

    /// <summary>Reports drained per <see cref="ICtapRequestContext.KeepAliveAndCheckCancel"/> call at most.</summary>
    public const int MaxReportsDrainedPerCheck = 16;
}
