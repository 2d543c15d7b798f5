"""authenticatorLargeBlobs 0x0C (fido-clients.md §2.2 LargeBlobs, §7.6)."""

import struct

import pytest
from fido2 import cbor
from fido2.ctap2 import LargeBlobs
from fido2.ctap2.pin import ClientPin

from vaultlib import (ERR, ctap2_for, expect_ctap_error, fresh_with_pin, make_credential, pin_auth, pin_protocol,
                      pin_token, random_bytes, sha256)

INITIAL = bytes.fromhex("8076be8b528d0075f7aae98d6fa57a6d3c")
PIN = "31415926"


@pytest.fixture(scope="module")
def device(authenticators):
    return authenticators.fresh("largeblobs")


@pytest.fixture
def ctap2(device):
    ctap2 = ctap2_for(device)
    yield ctap2
    ctap2.device.close()


def serialized(array):
    data = cbor.encode(array)
    return data + sha256(data)[:16]


def read_all(ctap2):
    return ctap2.large_blobs(0, get=ctap2.info.max_msg_size - 64)[1]


def write_fragments(ctap2, data, fragment, auth=None):
    offset = 0
    while offset < len(data):
        chunk = data[offset:offset + fragment]
        pin_uv_param = auth(offset, chunk) if auth else None
        ctap2.large_blobs(offset, set=chunk, length=len(data) if offset == 0 else None,
                          pin_uv_param=pin_uv_param, pin_uv_protocol=2 if auth else None)
        offset += len(chunk)


def test_initial_array(authenticators):
    device = authenticators.fresh("largeblobs-initial")
    ctap2 = ctap2_for(device)
    assert read_all(ctap2) == INITIAL
    assert LargeBlobs(ctap2).read_blob_array() == []
    ctap2.device.close()


def test_write_and_read_array(ctap2):
    array = [{1: random_bytes(40), 2: random_bytes(12), 3: 40}]
    LargeBlobs(ctap2).write_blob_array(array)
    assert LargeBlobs(ctap2).read_blob_array() == array
    assert read_all(ctap2) == serialized(array)


def test_read_with_offset(ctap2):
    data = serialized([{1: random_bytes(100), 2: random_bytes(12), 3: 100}])
    write_fragments(ctap2, data, 1000)
    assert ctap2.large_blobs(10, get=20)[1] == data[10:30]
    assert ctap2.large_blobs(len(data) - 5, get=100)[1] == data[-5:]


def test_fragmented_write(ctap2):
    data = serialized([{1: random_bytes(300), 2: random_bytes(12), 3: 300}])
    write_fragments(ctap2, data, 100)
    assert read_all(ctap2) == data


def test_put_get_delete_blob_with_large_blob_key(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, rk=True, extensions={"largeBlobKey": True})
    key = attestation.large_blob_key
    blobs = LargeBlobs(ctap2)
    blobs.put_blob(key, b"my large blob " * 10)
    assertion = ctap2.get_assertion(rp_id, random_bytes(), extensions={"largeBlobKey": True})
    assert blobs.get_blob(assertion.large_blob_key) == b"my large blob " * 10
    blobs.delete_blob(key)
    assert blobs.get_blob(key) is None


def test_largest_array_fits(ctap2):
    size = ctap2.info.max_large_blob
    payload = random_bytes(size - 16 - 3)  # byte string header of 3 bytes
    data = cbor.encode(payload)
    data += sha256(data)[:16]
    assert len(data) == size
    write_fragments(ctap2, data, 1000)
    assert read_all(ctap2) == data


# ------------------------------------------------------------------------------------------------ negative

def test_integrity_failure(ctap2):
    before = read_all(ctap2)
    data = bytearray(serialized([{1: random_bytes(40), 2: random_bytes(12), 3: 40}]))
    data[-1] ^= 1
    expect_ctap_error(ERR.INTEGRITY_FAILURE, write_fragments, ctap2, bytes(data), 1000)
    assert read_all(ctap2) == before


def test_too_large(ctap2):
    size = ctap2.info.max_large_blob + 1
    expect_ctap_error(ERR.LARGE_BLOB_STORAGE_FULL, ctap2.large_blobs, 0, set=random_bytes(64), length=size)


def test_both_get_and_set(ctap2):
    expect_ctap_error(ERR.INVALID_PARAMETER, ctap2.large_blobs, 0, get=10, set=b"x", length=1)


def test_neither_get_nor_set(ctap2):
    expect_ctap_error(ERR.INVALID_PARAMETER, ctap2.large_blobs, 0)


def test_get_larger_than_a_fragment(ctap2):
    expect_ctap_error(ERR.INVALID_LENGTH, ctap2.large_blobs, 0, get=ctap2.info.max_msg_size)


def test_first_fragment_without_length(ctap2):
    expect_ctap_error(ERR.INVALID_PARAMETER, ctap2.large_blobs, 0, set=b"\x80")


def test_wrong_offset_is_invalid_seq(ctap2):
    data = serialized([{1: random_bytes(150), 2: random_bytes(12), 3: 150}])
    ctap2.large_blobs(0, set=data[:100], length=len(data))
    expect_ctap_error(ERR.INVALID_SEQ, ctap2.large_blobs, 50, set=data[100:])


def test_length_too_short(ctap2):
    expect_ctap_error((ERR.INVALID_PARAMETER, ERR.INTEGRITY_FAILURE), ctap2.large_blobs, 0, set=b"\x80", length=1)


def test_read_offset_beyond_the_end(ctap2):
    length = len(read_all(ctap2))
    expect_ctap_error(ERR.INVALID_PARAMETER, ctap2.large_blobs, length + 1, get=10)


# ------------------------------------------------------------------------------------------------ with a PIN

@pytest.fixture(scope="module")
def pinned_device(authenticators):
    return fresh_with_pin(authenticators, "largeblobs-pin", PIN, 2)


@pytest.fixture
def pinned(pinned_device):
    ctap2 = ctap2_for(pinned_device)
    yield ctap2
    ctap2.device.close()


def test_write_with_pin_needs_auth(pinned):
    data = serialized([])
    expect_ctap_error((ERR.PIN_REQUIRED, ERR.MISSING_PARAMETER), pinned.large_blobs, 0, set=data, length=len(data))


def test_write_with_lbw_token(pinned):
    token = pin_token(pinned, PIN, ClientPin.PERMISSION.LARGE_BLOB_WRITE)
    array = [{1: random_bytes(33), 2: random_bytes(12), 3: 33}]
    LargeBlobs(pinned, pin_protocol(2), token).write_blob_array(array)
    assert LargeBlobs(pinned).read_blob_array() == array


def test_fragmented_write_with_lbw_token(pinned):
    token = pin_token(pinned, PIN, ClientPin.PERMISSION.LARGE_BLOB_WRITE)
    data = serialized([{1: random_bytes(200), 2: random_bytes(12), 3: 200}])

    def auth(offset, chunk):
        return pin_auth(2, token, b"\xff" * 32 + b"\x0c\x00" + struct.pack("<I", offset) + sha256(chunk))
    write_fragments(pinned, data, 64, auth)
    assert read_all(pinned) == data


def test_write_with_token_without_lbw(pinned):
    token = pin_token(pinned, PIN, ClientPin.PERMISSION.GET_ASSERTION, "example.com")
    expect_ctap_error(ERR.PIN_AUTH_INVALID, LargeBlobs(pinned, pin_protocol(2), token).write_blob_array, [])


def test_write_with_wrong_auth(pinned):
    pin_token(pinned, PIN, ClientPin.PERMISSION.LARGE_BLOB_WRITE)
    data = serialized([])
    expect_ctap_error(ERR.PIN_AUTH_INVALID, pinned.large_blobs, 0, set=data, length=len(data),
                      pin_uv_param=random_bytes(32), pin_uv_protocol=2)
