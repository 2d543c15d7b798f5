"""Helpers of the python-fido2 suite: the CTAPHID-over-UDP connection (fido-clients.md §2.1), raw packets, and
small builders for CTAP2 requests. Original code for this project."""

import hashlib
import os
import socket
import struct
import time

from fido2.ctap import CtapError
from fido2.ctap2 import Ctap2
from fido2.hid import CtapHidDevice, CTAPHID
from fido2.hid.base import CtapHidConnection, HidDescriptor

BROADCAST_CID = 0xFFFFFFFF
REPORT_SIZE = 64
MAX_PAYLOAD = 57 + 128 * 59  # 7609

# CTAPHID_ERROR codes.
ERR_INVALID_CMD = 0x01
ERR_INVALID_PAR = 0x02
ERR_INVALID_LEN = 0x03
ERR_INVALID_SEQ = 0x04
ERR_MSG_TIMEOUT = 0x05
ERR_CHANNEL_BUSY = 0x06
ERR_INVALID_CHANNEL = 0x0B

ES256 = -7
EDDSA = -8
RS256 = -257

ERR = CtapError.ERR


class UdpCtapHidConnection(CtapHidConnection):
    """One 64-byte HID report per datagram, no report-ID byte; the authenticator replies to our source port."""

    def __init__(self, port, host="127.0.0.1", timeout=10.0):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(timeout)
        self.peer = (host, port)

    def write_packet(self, data):
        self.sock.sendto(bytes(data), self.peer)

    def read_packet(self):
        return self.sock.recvfrom(REPORT_SIZE)[0]

    def close(self):
        self.sock.close()


def open_device(authenticator, timeout=10.0):
    connection = UdpCtapHidConnection(authenticator.port, timeout=timeout)
    descriptor = HidDescriptor(authenticator.path, 0x1209, 0x3613, REPORT_SIZE, REPORT_SIZE)
    return CtapHidDevice(descriptor, connection)


def sha256(data):
    return hashlib.sha256(data).digest()


def random_bytes(n=32):
    return os.urandom(n)


def rp_entity(rp_id, name=None):
    return {"id": rp_id, "name": name or rp_id}


def user_entity(user_id=None, name="alice", display_name="Alice"):
    return {"id": user_id or random_bytes(16), "name": name, "displayName": display_name}


def key_params(*algorithms):
    return [{"type": "public-key", "alg": a} for a in (algorithms or (ES256,))]


def descriptor(credential_id):
    return {"type": "public-key", "id": credential_id}


def make_credential(ctap2, rp_id, rk=False, user=None, algorithms=(ES256,), extensions=None, **kwargs):
    """makeCredential with sensible defaults; returns (attestation object, client data hash, user)."""
    cdh = random_bytes()
    user = user or user_entity()
    options = {"rk": True} if rk else None
    attestation = ctap2.make_credential(cdh, rp_entity(rp_id), user, key_params(*algorithms),
                                        extensions=extensions, options=options, **kwargs)
    return attestation, cdh, user


def credential_id_of(attestation):
    return attestation.auth_data.credential_data.credential_id


def public_key_of(attestation):
    return attestation.auth_data.credential_data.public_key


def expect_ctap_error(codes, function, *args, **kwargs):
    """Runs function and asserts it raises CtapError with one of codes; returns the code."""
    if isinstance(codes, int):
        codes = (codes,)
    try:
        result = function(*args, **kwargs)
    except CtapError as e:
        assert e.code in codes, "expected %s, got %s" % ([hex(c) for c in codes], e)
        return e.code
    raise AssertionError("expected CTAP error %s, got success: %r" % ([hex(c) for c in codes], result))


# ---------------------------------------------------------------------------------------------------- raw CTAPHID

class RawChannel:
    """A client socket speaking raw CTAPHID packets, for the transport tests."""

    def __init__(self, authenticator, timeout=2.0):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(timeout)
        self.peer = ("127.0.0.1", authenticator.port)
        self.cid = None

    def close(self):
        self.sock.close()

    def send_raw(self, data):
        self.sock.sendto(bytes(data), self.peer)

    def send_init(self, cid, cmd, data=b"", bcnt=None):
        bcnt = len(data) if bcnt is None else bcnt
        packet = struct.pack(">IBH", cid, 0x80 | cmd, bcnt) + data[:57]
        self.send_raw(packet.ljust(REPORT_SIZE, b"\0"))

    def send_cont(self, cid, seq, data=b""):
        packet = struct.pack(">IB", cid, seq) + data[:59]
        self.send_raw(packet.ljust(REPORT_SIZE, b"\0"))

    def send_message(self, cid, cmd, data):
        """A whole request, fragmented."""
        self.send_init(cid, cmd, data)
        rest = data[57:]
        seq = 0
        while rest:
            self.send_cont(cid, seq, rest)
            rest = rest[59:]
            seq += 1

    def receive_packet(self, timeout=None):
        """One report, or None when nothing arrives in time."""
        if timeout is not None:
            self.sock.settimeout(timeout)
        try:
            return self.sock.recvfrom(1024)[0]
        except socket.timeout:
            return None

    def receive_message(self, timeout=3.0, skip_keepalive=True):
        """(cid, cmd, payload) of the next whole response; keepalives skipped unless asked."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, "no response within %.1f s" % timeout
            packet = self.receive_packet(remaining)
            assert packet is not None, "no response within %.1f s" % timeout
            assert len(packet) == REPORT_SIZE, "response datagram of %d bytes" % len(packet)
            cid, cmd, bcnt = struct.unpack_from(">IBH", packet)
            assert cmd & 0x80, "expected an init packet, got a continuation %r" % packet[:8].hex()
            if skip_keepalive and cmd == 0x80 | CTAPHID.KEEPALIVE:
                continue
            payload = packet[7:7 + bcnt]
            seq = 0
            while len(payload) < bcnt:
                packet = self.receive_packet(max(0.1, deadline - time.monotonic()))
                assert packet is not None, "continuation missing"
                c_cid, c_seq = struct.unpack_from(">IB", packet)
                assert c_cid == cid and c_seq == seq, "bad continuation %08x/%d" % (c_cid, c_seq)
                payload += packet[5:5 + min(59, bcnt - len(payload))]
                seq += 1
            return cid, cmd & 0x7F, payload

    def init(self, nonce=None):
        """Allocates a channel on the broadcast CID; returns the INIT response payload."""
        nonce = nonce or random_bytes(8)
        self.send_init(BROADCAST_CID, CTAPHID.INIT, nonce)
        while True:
            cid, cmd, payload = self.receive_message()
            if cid == BROADCAST_CID and cmd == CTAPHID.INIT and payload[:8] == nonce:
                break
        self.cid = struct.unpack_from(">I", payload, 8)[0]
        return payload

    def expect_error(self, code, cid=None, timeout=2.0):
        r_cid, cmd, payload = self.receive_message(timeout)
        assert cmd == CTAPHID.ERROR, "expected ERROR 0x%02x, got command 0x%02x %r" % (code, cmd, payload[:8].hex())
        assert payload[:1] == bytes([code]), "expected ERROR 0x%02x, got 0x%s" % (code, payload[:1].hex())
        if cid is not None:
            assert r_cid == cid, "ERROR on CID %08x, expected %08x" % (r_cid, cid)
        return r_cid

    def ping(self, data, timeout=3.0):
        self.send_message(self.cid, CTAPHID.PING, data)
        cid, cmd, payload = self.receive_message(timeout)
        assert (cid, cmd) == (self.cid, CTAPHID.PING), "cmd 0x%02x payload %r" % (cmd, payload[:4].hex())
        return payload


def ctap2_for(authenticator):
    return Ctap2(open_device(authenticator))


# ---------------------------------------------------------------------------------------------------- PIN helpers

def pin_protocol(version):
    from fido2.ctap2.pin import PinProtocolV1, PinProtocolV2
    return {1: PinProtocolV1, 2: PinProtocolV2}[version]()


def client_pin(ctap2, version=2):
    from fido2.ctap2.pin import ClientPin
    return ClientPin(ctap2, pin_protocol(version))


def pin_token(ctap2, pin, permissions=0x03, rp_id=None, version=2):
    return client_pin(ctap2, version).get_pin_token(pin, permissions, rp_id)


def pin_auth(version, token, message):
    return pin_protocol(version).authenticate(token, message)


def fresh_with_pin(authenticators, name, pin, version=2):
    """A factory-fresh authenticator with a PIN set through ClientPin of the given protocol."""
    authenticator = authenticators.fresh(name)
    ctap2 = ctap2_for(authenticator)
    client_pin(ctap2, version).set_pin(pin)
    ctap2.device.close()
    authenticator.pin = pin
    authenticator.protocol = version
    return authenticator
