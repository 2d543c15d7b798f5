"""CTAPHID over UDP: framing, channels, errors, timing, keepalive and cancel (fido-clients.md §7.1, §8)."""

import struct
import threading
import time

import pytest
from fido2.ctap import CtapError, STATUS
from fido2.hid import CTAPHID, CAPABILITY

from vaultlib import (BROADCAST_CID, ERR, ERR_CHANNEL_BUSY, ERR_INVALID_CHANNEL, ERR_INVALID_CMD, ERR_INVALID_LEN,
                      ERR_INVALID_PAR, ERR_INVALID_SEQ, ERR_MSG_TIMEOUT, MAX_PAYLOAD, RawChannel, key_params,
                      make_credential, open_device, random_bytes, rp_entity, user_entity)


@pytest.fixture
def raw(shared_device):
    channel = RawChannel(shared_device)
    channel.init()
    yield channel
    channel.close()


@pytest.fixture
def raw2(shared_device):
    channel = RawChannel(shared_device)
    channel.init()
    yield channel
    channel.close()


def test_init_allocates_a_channel(shared_device):
    channel = RawChannel(shared_device)
    nonce = random_bytes(8)
    payload = channel.init(nonce)
    assert len(payload) >= 17
    assert payload[:8] == nonce
    cid = channel.cid
    assert cid not in (0, BROADCAST_CID)
    assert payload[12] == 2, "CTAPHID protocol version"
    capabilities = payload[16]
    assert capabilities & CAPABILITY.CBOR
    assert capabilities & CAPABILITY.WINK
    assert not capabilities & CAPABILITY.NMSG, "we support U2F MSG"
    channel.close()


def test_init_gives_distinct_channels(raw, raw2):
    assert raw.cid != raw2.cid


def test_device_reports_versions_through_python_fido2(dev):
    assert dev.version == 2
    assert dev.capabilities & CAPABILITY.CBOR


def test_init_with_wrong_nonce_length_is_invalid_len(shared_device):
    channel = RawChannel(shared_device)
    channel.send_init(BROADCAST_CID, CTAPHID.INIT, random_bytes(7))
    channel.expect_error(ERR_INVALID_LEN)
    channel.close()


def test_init_on_allocated_channel_resyncs_with_same_cid(raw):
    nonce = random_bytes(8)
    raw.send_init(raw.cid, CTAPHID.INIT, nonce)
    cid, cmd, payload = raw.receive_message()
    assert (cid, cmd) == (raw.cid, CTAPHID.INIT)
    assert payload[:8] == nonce
    assert struct.unpack_from(">I", payload, 8)[0] == raw.cid
    assert raw.ping(b"after resync") == b"after resync"


def test_init_aborts_a_transaction_in_progress(raw):
    data = random_bytes(200)
    raw.send_init(raw.cid, CTAPHID.PING, data)  # first fragment only
    nonce = random_bytes(8)
    raw.send_init(raw.cid, CTAPHID.INIT, nonce)
    cid, cmd, payload = raw.receive_message()
    assert (cid, cmd) == (raw.cid, CTAPHID.INIT) and payload[:8] == nonce
    # the aborted PING must not complete later: a continuation is now stray and ignored
    raw.send_cont(raw.cid, 0, data[57:])
    assert raw.receive_packet(0.3) is None
    assert raw.ping(b"x") == b"x"


def test_init_from_another_channel_during_a_transaction(raw, raw2):
    data = random_bytes(150)
    raw.send_init(raw.cid, CTAPHID.PING, data)
    nonce = random_bytes(8)
    raw2.send_init(BROADCAST_CID, CTAPHID.INIT, nonce)
    cid, cmd, payload = raw2.receive_message()
    assert cmd == CTAPHID.INIT and payload[:8] == nonce
    raw.send_cont(raw.cid, 0, data[57:])
    raw.send_cont(raw.cid, 1, data[57 + 59:])
    cid, cmd, payload = raw.receive_message()
    assert (cid, cmd, payload) == (raw.cid, CTAPHID.PING, data)


@pytest.mark.parametrize("size", [0, 1, 57, 58, 116, 117, 1000, 4096, MAX_PAYLOAD])
def test_ping_echoes(raw, size):
    data = random_bytes(size)
    assert raw.ping(data, timeout=10) == data


def test_ping_through_python_fido2(dev):
    assert dev.ping(b"Hello FIDO") == b"Hello FIDO"


@pytest.mark.parametrize("bcnt", [MAX_PAYLOAD + 1, 0x1DBA, 0xFFFF])
def test_ping_oversize_bcnt_is_invalid_len(raw, bcnt):
    raw.send_init(raw.cid, CTAPHID.PING, random_bytes(57), bcnt=bcnt)
    raw.expect_error(ERR_INVALID_LEN, raw.cid)
    assert raw.ping(b"ok") == b"ok"


def test_skipped_seq_is_invalid_seq(raw):
    data = random_bytes(300)
    raw.send_init(raw.cid, CTAPHID.PING, data)
    raw.send_cont(raw.cid, 0, data[57:])
    raw.send_cont(raw.cid, 2, data[57 + 59:])
    raw.expect_error(ERR_INVALID_SEQ, raw.cid)
    assert raw.ping(b"ok") == b"ok"


def test_repeated_seq_is_invalid_seq(raw):
    data = random_bytes(300)
    raw.send_init(raw.cid, CTAPHID.PING, data)
    raw.send_cont(raw.cid, 0, data[57:])
    raw.send_cont(raw.cid, 0, data[57:])
    raw.expect_error(ERR_INVALID_SEQ, raw.cid)


def test_new_init_packet_while_receiving_is_invalid_seq(raw):
    data = random_bytes(200)
    raw.send_init(raw.cid, CTAPHID.PING, data)
    raw.send_init(raw.cid, CTAPHID.PING, data)
    raw.expect_error(ERR_INVALID_SEQ, raw.cid)


def test_stray_continuation_is_ignored(raw):
    raw.send_cont(raw.cid, 0, random_bytes(59))
    raw.send_cont(raw.cid, 5, random_bytes(59))
    assert raw.receive_packet(0.3) is None, "a stray continuation must not be answered"
    assert raw.ping(b"still fine") == b"still fine"


def test_stalled_request_gets_msg_timeout_in_time(raw):
    raw.send_init(raw.cid, CTAPHID.PING, random_bytes(100))
    start = time.monotonic()
    raw.expect_error(ERR_MSG_TIMEOUT, raw.cid, timeout=3)
    elapsed = time.monotonic() - start
    assert 0.4 < elapsed < 1.0, "MSG_TIMEOUT after %.3f s" % elapsed


def test_other_channel_gets_channel_busy_and_first_continues(raw, raw2):
    data = random_bytes(150)
    raw.send_init(raw.cid, CTAPHID.PING, data)
    start = time.monotonic()
    raw2.send_init(raw2.cid, CTAPHID.PING, b"intruder")
    raw2.expect_error(ERR_CHANNEL_BUSY, raw2.cid)
    assert time.monotonic() - start < 0.1 + 0.05, "CHANNEL_BUSY must be immediate"
    raw.send_cont(raw.cid, 0, data[57:])
    raw.send_cont(raw.cid, 1, data[57 + 59:])
    cid, cmd, payload = raw.receive_message()
    assert (cid, cmd, payload) == (raw.cid, CTAPHID.PING, data)
    assert raw2.ping(b"my turn") == b"my turn"


def test_busy_first_channel_still_times_out_on_its_own(raw, raw2):
    raw.send_init(raw.cid, CTAPHID.PING, random_bytes(150))
    raw2.send_init(raw2.cid, CTAPHID.PING, b"x")
    raw2.expect_error(ERR_CHANNEL_BUSY, raw2.cid)
    raw.expect_error(ERR_MSG_TIMEOUT, raw.cid, timeout=3)


def test_cid_zero_is_invalid_channel(raw):
    raw.send_init(0, CTAPHID.PING, b"x")
    raw.expect_error(ERR_INVALID_CHANNEL)


def test_non_init_on_broadcast_is_invalid_channel(raw):
    raw.send_init(BROADCAST_CID, CTAPHID.PING, b"x")
    raw.expect_error(ERR_INVALID_CHANNEL)


def test_unallocated_cid_is_invalid_channel(raw):
    raw.send_init(0x7A5E11ED if raw.cid != 0x7A5E11ED else 0x7A5E11EE, CTAPHID.PING, b"x")
    raw.expect_error(ERR_INVALID_CHANNEL)


def test_unknown_command_0x66_is_invalid_cmd(raw):
    raw.send_init(raw.cid, 0x66, b"")
    raw.expect_error(ERR_INVALID_CMD, raw.cid)


def test_vendor_command_is_invalid_cmd(raw):
    raw.send_init(raw.cid, 0x41, b"")
    raw.expect_error(ERR_INVALID_CMD, raw.cid)


def test_empty_cbor_is_invalid_len(raw):
    raw.send_init(raw.cid, CTAPHID.CBOR, b"")
    raw.expect_error(ERR_INVALID_LEN, raw.cid)


def test_empty_msg_is_invalid_len(raw):
    raw.send_init(raw.cid, CTAPHID.MSG, b"")
    raw.expect_error(ERR_INVALID_LEN, raw.cid)


def test_wink(dev):
    assert dev.call(CTAPHID.WINK) == b""


def test_lock_makes_other_channels_busy_until_unlocked(raw, raw2):
    raw.send_init(raw.cid, CTAPHID.LOCK, bytes([3]))
    cid, cmd, payload = raw.receive_message()
    assert (cid, cmd) == (raw.cid, CTAPHID.LOCK)
    raw2.send_init(raw2.cid, CTAPHID.PING, b"x")
    raw2.expect_error(ERR_CHANNEL_BUSY, raw2.cid)
    assert raw.ping(b"owner") == b"owner"
    raw.send_init(raw.cid, CTAPHID.LOCK, bytes([0]))
    cid, cmd, payload = raw.receive_message()
    assert (cid, cmd) == (raw.cid, CTAPHID.LOCK)
    assert raw2.ping(b"free") == b"free"


def test_lock_longer_than_ten_seconds_is_invalid_par(raw):
    raw.send_init(raw.cid, CTAPHID.LOCK, bytes([11]))
    raw.expect_error(ERR_INVALID_PAR, raw.cid)


def test_lock_without_argument_is_invalid_len(raw):
    raw.send_init(raw.cid, CTAPHID.LOCK, b"")
    raw.expect_error(ERR_INVALID_LEN, raw.cid)


def test_1000_byte_ping_is_fast(raw):
    data = random_bytes(1000)
    start = time.monotonic()
    assert raw.ping(data) == data
    assert time.monotonic() - start < 0.555


def test_wrong_size_datagrams_are_dropped(raw):
    raw.send_raw(struct.pack(">IBH", raw.cid, 0x80 | CTAPHID.PING, 1) + b"x")  # 8 bytes
    raw.send_raw((struct.pack(">IBH", raw.cid, 0x80 | CTAPHID.PING, 1) + b"x").ljust(65, b"\0"))
    assert raw.receive_packet(0.3) is None
    assert raw.ping(b"ok") == b"ok"


def test_two_client_sockets_get_their_own_replies(raw, raw2):
    a, b = random_bytes(70), random_bytes(80)
    assert raw.ping(a) == a
    assert raw2.ping(b) == b
    assert raw.receive_packet(0.1) is None


def test_keepalive_upneeded_is_reported_while_waiting(shared_device, user_presence, rp_id):
    user_presence("delay=400")
    dev = open_device(shared_device)
    from fido2.ctap2 import Ctap2
    ctap2 = Ctap2(dev)
    statuses = []
    attestation, _, _ = make_credential(ctap2, rp_id, on_keepalive=statuses.append)
    assert attestation.auth_data.flags & 0x01
    assert STATUS.UPNEEDED in statuses
    dev.close()


def test_keepalive_cadence_during_user_presence(raw, user_presence, rp_id):
    user_presence("delay=600")
    from fido2 import cbor
    request = bytes([0x0B])  # authenticatorSelection
    raw.send_message(raw.cid, CTAPHID.CBOR, request)
    keepalives = 0
    start = time.monotonic()
    while True:
        cid, cmd, payload = raw.receive_message(timeout=5, skip_keepalive=False)
        if cmd == CTAPHID.KEEPALIVE:
            assert payload[:1] in (b"\x01", b"\x02")
            keepalives += 1
            continue
        break
    assert cmd == CTAPHID.CBOR and payload[:1] == b"\x00"
    elapsed = time.monotonic() - start
    assert keepalives >= int(elapsed / 0.1) - 2, "%d keepalives in %.2f s" % (keepalives, elapsed)


def test_cancel_during_user_presence_answers_keepalive_cancel(shared_device, user_presence, rp_id):
    user_presence("delay=10000")
    dev = open_device(shared_device)
    from fido2.ctap2 import Ctap2
    ctap2 = Ctap2(dev)
    event = threading.Event()
    timer = threading.Timer(0.3, event.set)
    timer.start()
    start = time.monotonic()
    try:
        with pytest.raises(CtapError) as error:
            ctap2.make_credential(random_bytes(), rp_entity(rp_id), user_entity(), key_params(), event=event)
        assert error.value.code == ERR.KEEPALIVE_CANCEL
        assert time.monotonic() - start < 3
    finally:
        timer.cancel()
    user_presence("auto")
    assert dev.ping(b"idle again") == b"idle again"
    dev.close()


def test_cancel_on_another_channel_is_ignored(raw, raw2, user_presence):
    user_presence("delay=500")
    raw.send_message(raw.cid, CTAPHID.CBOR, bytes([0x0B]))
    time.sleep(0.1)
    raw2.send_init(raw2.cid, CTAPHID.CANCEL, b"")
    cid, cmd, payload = raw.receive_message(timeout=5)
    assert (cid, cmd) == (raw.cid, CTAPHID.CBOR)
    assert payload == b"\x00", "selection must succeed; got status %s" % payload[:1].hex()


def test_cancel_with_nothing_pending_is_ignored(raw):
    raw.send_init(raw.cid, CTAPHID.CANCEL, b"")
    assert raw.receive_packet(0.3) is None
    assert raw.ping(b"ok") == b"ok"


def test_other_channel_is_busy_while_waiting_for_user_presence(raw, raw2, user_presence):
    user_presence("delay=700")
    raw.send_message(raw.cid, CTAPHID.CBOR, bytes([0x0B]))
    time.sleep(0.15)
    start = time.monotonic()
    raw2.send_init(raw2.cid, CTAPHID.PING, b"me too")
    raw2.expect_error(ERR_CHANNEL_BUSY, raw2.cid)
    assert time.monotonic() - start < 0.15
    cid, cmd, payload = raw.receive_message(timeout=5)
    assert (cid, cmd, payload) == (raw.cid, CTAPHID.CBOR, b"\x00")
    assert raw2.ping(b"now") == b"now"


def test_resync_during_user_presence_aborts_the_request(raw, user_presence):
    user_presence("delay=5000")
    raw.send_message(raw.cid, CTAPHID.CBOR, bytes([0x0B]))
    time.sleep(0.2)
    nonce = random_bytes(8)
    start = time.monotonic()
    raw.send_init(raw.cid, CTAPHID.INIT, nonce)
    while True:
        cid, cmd, payload = raw.receive_message(timeout=2)
        if cmd == CTAPHID.INIT:
            break
        assert cmd == CTAPHID.CBOR and payload == bytes([ERR.KEEPALIVE_CANCEL]), (cmd, payload)
    assert payload[:8] == nonce and cid == raw.cid
    assert time.monotonic() - start < 1.0
    user_presence("auto")
    assert raw.ping(b"clean") == b"clean"


def test_cancelled_authenticator_is_clean_for_the_next_request(shared_device, user_presence, rp_id):
    """Xous issue #325: a browser cancels the authenticators that lost the race; the next request must just work."""
    user_presence("delay=10000")
    loser = open_device(shared_device)
    from fido2.ctap2 import Ctap2
    ctap2 = Ctap2(loser)
    event = threading.Event()
    timer = threading.Timer(0.2, event.set)
    timer.start()
    expect = pytest.raises(CtapError)
    with expect:
        ctap2.make_credential(random_bytes(), rp_entity(rp_id), user_entity(), key_params(), event=event)
    timer.cancel()
    assert expect.excinfo.value.code == ERR.KEEPALIVE_CANCEL
    user_presence("auto")
    other = open_device(shared_device)
    attestation, _, _ = make_credential(Ctap2(other), rp_id)
    assert attestation.fmt == "packed"
    loser.close()
    other.close()
