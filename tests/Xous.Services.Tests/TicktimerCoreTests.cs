using Xous.Abi;
using Xous.Ipc;
using Xous.Ticktimer.Api;
using Xous.Ticktimer.Core;

namespace Xous.Services.Tests;

/// <summary>A fake clock and alarm for the ticktimer.</summary>
internal sealed class FakeTicktimerEnvironment : ITicktimerEnvironment
{
    public const byte OwnPid = 3;

    public ulong NowMs { get; set; }

    public List<ulong> Alarms { get; } = new();

    public Pid OwnProcess => new(OwnPid);

    public RecordingReplies Sink { get; } = new();

    public IDeferredReplySink Replies => Sink;

    public void SetAlarm(ulong deadlineMs) => Alarms.Add(deadlineMs);
}

public class TicktimerCoreTests
{
    private static readonly Reply s_slept = TicktimerDispatcher.SleepMsReply();
    private static readonly Reply s_locked = TicktimerDispatcher.LockMutexReply();
    private static readonly Reply s_notified = TicktimerDispatcher.WaitForConditionReply(true);
    private static readonly Reply s_timedOut = TicktimerDispatcher.WaitForConditionReply(false);

    private readonly FakeTicktimerEnvironment _env = new();
    private readonly TicktimerCore _core;

    public TicktimerCoreTests() => _core = new TicktimerCore(_env);

    private List<DeferredReply> CompletedTokens => _env.Sink.Completed.Select(c => c.Pending).ToList();

    private DeferredReply Sleep(byte pid, uint ms)
    {
        DeferredReply reply = Senders.Waiting(pid);
        _core.SleepMs(ms, reply);
        return reply;
    }

    private DeferredReply Lock(byte pid, ulong key)
    {
        DeferredReply reply = Senders.Waiting(pid);
        _core.LockMutex(key, reply);
        return reply;
    }

    private DeferredReply Wait(byte pid, ulong key, uint timeoutMs)
    {
        DeferredReply reply = Senders.Waiting(pid);
        _core.WaitForCondition(key, timeoutMs, reply);
        return reply;
    }

    private void Recalculate(ulong nowMs)
    {
        _env.NowMs = nowMs;
        _core.RecalculateSleep(Senders.Of(FakeTicktimerEnvironment.OwnPid));
    }

    [Fact]
    public void ElapsedMs_reads_the_environment_clock()
    {
        _env.NowMs = 123_456_789_012;
        Assert.Equal(123_456_789_012ul, _core.ElapsedMs());
    }

    [Fact]
    public void Sleeping_zero_ms_replies_at_once()
    {
        DeferredReply sleeper = Sleep(10, 0);
        Assert.Equal(s_slept, _env.Sink.Single(sleeper));
        Assert.Equal(0, _core.WaiterCount);
        Assert.Empty(_env.Alarms);
    }

    [Fact]
    public void Sleepers_wake_in_deadline_order_and_the_alarm_follows_the_earliest()
    {
        _env.NowMs = 1000;
        DeferredReply hundred = Sleep(10, 100);
        Assert.Equal(1100ul, _env.Alarms[^1]);
        DeferredReply fifty = Sleep(11, 50);
        Assert.Equal(1050ul, _env.Alarms[^1]);
        DeferredReply seventyFive = Sleep(12, 75);
        Assert.Equal(1050ul, _core.AlarmMs);
        Assert.Empty(_env.Sink.Completed);

        Recalculate(1049);
        Assert.Empty(_env.Sink.Completed);

        Recalculate(1060);
        Assert.Equal([fifty], CompletedTokens);
        Assert.Equal(1075ul, _env.Alarms[^1]);

        Recalculate(5000);
        Assert.Equal([fifty, seventyFive, hundred], CompletedTokens);
        Assert.All(_env.Sink.Completed, c => Assert.Equal(s_slept, c.Reply));
        Assert.Equal(ulong.MaxValue, _env.Alarms[^1]);
        Assert.Equal(3u, _core.Statistics.SleepsCompleted);
    }

    [Fact]
    public void Equal_deadlines_wake_in_arrival_order()
    {
        DeferredReply first = Sleep(10, 10);
        DeferredReply second = Sleep(11, 10);
        Recalculate(10);
        Assert.Equal([first, second], CompletedTokens);
    }

    [Fact]
    public void Any_handled_message_wakes_expired_sleepers()
    {
        DeferredReply sleeper = Sleep(10, 10);
        _env.NowMs = 10;
        _core.ElapsedMs();
        Assert.Equal(s_slept, _env.Sink.Single(sleeper));
    }

    [Fact]
    public void RecalculateSleep_from_another_process_is_counted_and_ignored()
    {
        DeferredReply sleeper = Sleep(10, 10);
        _env.NowMs = 20;
        int alarms = _env.Alarms.Count;
        _core.RecalculateSleep(Senders.Of(10));
        Assert.Empty(_env.Sink.Completed);
        Assert.Equal(alarms, _env.Alarms.Count);
        Assert.Equal(1u, _core.Statistics.ForeignRecalculations);

        _core.RecalculateSleep(Senders.Of(FakeTicktimerEnvironment.OwnPid));
        Assert.Equal(s_slept, _env.Sink.Single(sleeper));
        Assert.Equal(1u, _core.Statistics.Recalculations);
    }

    [Fact]
    public void RecalculateSleep_from_the_own_process_rearms_even_an_unchanged_alarm()
    {
        Sleep(10, 100);
        int alarms = _env.Alarms.Count;
        Recalculate(50);      // an early alarm: nothing expired, same deadline
        Assert.Equal(alarms + 1, _env.Alarms.Count);
        Assert.Equal(100ul, _env.Alarms[^1]);
    }

    [Fact]
    public void A_sleep_near_the_end_of_time_saturates_below_no_deadline()
    {
        _env.NowMs = ulong.MaxValue - 10;
        Sleep(10, 100);
        Assert.Equal(ulong.MaxValue - 1, _core.AlarmMs);
    }

    [Fact]
    public void Unlock_hands_the_mutex_to_the_oldest_waiter_first()
    {
        DeferredReply first = Lock(10, 0xA0);
        DeferredReply second = Lock(10, 0xA0);
        DeferredReply third = Lock(10, 0xA0);
        Assert.Empty(_env.Sink.Completed);

        _core.UnlockMutex(Senders.Of(10), 0xA0);
        Assert.Equal([first], CompletedTokens);
        _core.UnlockMutex(Senders.Of(10), 0xA0);
        _core.UnlockMutex(Senders.Of(10), 0xA0);
        Assert.Equal([first, second, third], CompletedTokens);
        Assert.All(_env.Sink.Completed, c => Assert.Equal(s_locked, c.Reply));
        Assert.Equal(3u, _core.Statistics.MutexHandovers);
        Assert.Equal(0, _core.PendingUnlockCount);
    }

    [Fact]
    public void An_unlock_before_the_lock_is_pending_and_consumed_once()
    {
        _core.UnlockMutex(Senders.Of(10), 7);
        _core.UnlockMutex(Senders.Of(10), 7);     // at most one pending per key
        Assert.Equal(1, _core.PendingUnlockCount);
        Assert.Equal(1u, _core.Statistics.RedundantUnlocks);

        DeferredReply immediate = Lock(10, 7);
        Assert.Equal(s_locked, _env.Sink.Single(immediate));
        Assert.Equal(0, _core.PendingUnlockCount);

        DeferredReply later = Lock(10, 7);
        Assert.Empty(_env.Sink.To(later));
        _core.UnlockMutex(Senders.Of(10), 7);
        Assert.Equal(s_locked, _env.Sink.Single(later));
    }

    [Fact]
    public void Mutex_keys_are_scoped_per_process()
    {
        _core.UnlockMutex(Senders.Of(10), 7);
        DeferredReply other = Lock(11, 7);
        Assert.Empty(_env.Sink.Completed);

        _core.UnlockMutex(Senders.Of(10), 7);     // process 10's key 7 again: still not process 11's
        Assert.Empty(_env.Sink.Completed);

        _core.UnlockMutex(Senders.Of(11), 7);
        Assert.Equal(s_locked, _env.Sink.Single(other));
    }

    [Fact]
    public void Notify_wakes_up_to_count_oldest_waiters_and_returns_how_many()
    {
        DeferredReply a = Wait(10, 1, 0);
        DeferredReply b = Wait(10, 1, 0);
        DeferredReply c = Wait(10, 1, 0);
        DeferredReply otherKey = Wait(10, 2, 0);
        DeferredReply otherProcess = Wait(11, 1, 0);

        Assert.Equal(0u, _core.NotifyCondition(Senders.Of(10), 1, 0));
        Assert.Equal(2u, _core.NotifyCondition(Senders.Of(10), 1, 2));
        Assert.Equal([a, b], CompletedTokens);
        Assert.Equal(1u, _core.NotifyCondition(Senders.Of(10), 1, 5));
        Assert.Equal([a, b, c], CompletedTokens);
        Assert.All(_env.Sink.Completed, x => Assert.Equal(s_notified, x.Reply));
        Assert.Equal(0u, _core.NotifyCondition(Senders.Of(10), 1, 5));
        Assert.Empty(_env.Sink.To(otherKey));
        Assert.Empty(_env.Sink.To(otherProcess));
    }

    [Fact]
    public void A_condition_wait_times_out_with_false_and_zero_waits_forever()
    {
        _env.NowMs = 100;
        DeferredReply timed = Wait(10, 1, 50);
        DeferredReply forever = Wait(10, 1, 0);
        Assert.Equal(150ul, _env.Alarms[^1]);

        Recalculate(149);
        Assert.Empty(_env.Sink.Completed);
        Recalculate(150);
        Assert.Equal(s_timedOut, _env.Sink.Single(timed));
        Assert.Equal(ulong.MaxValue, _env.Alarms[^1]);
        Assert.Equal(1u, _core.Statistics.ConditionTimeouts);

        Recalculate(ulong.MaxValue - 1);
        Assert.Empty(_env.Sink.To(forever));
        Assert.Equal(1u, _core.NotifyCondition(Senders.Of(10), 1, 1));
        Assert.Equal(s_notified, _env.Sink.Single(forever));
    }

    [Fact]
    public void FreeMutex_drops_the_pending_unlock_and_wakes_the_waiters()
    {
        _core.UnlockMutex(Senders.Of(10), 1);
        _core.FreeMutex(Senders.Of(10), 1);
        Assert.Equal(0, _core.PendingUnlockCount);

        DeferredReply a = Lock(10, 1);
        DeferredReply b = Lock(10, 1);
        DeferredReply elsewhere = Lock(10, 2);
        Assert.Empty(_env.Sink.Completed);             // the pending unlock is gone
        _core.FreeMutex(Senders.Of(10), 1);
        Assert.Equal([a, b], CompletedTokens);
        Assert.Empty(_env.Sink.To(elsewhere));
        Assert.Equal(1, _core.WaiterCount);
    }

    [Fact]
    public void FreeCondition_wakes_the_waiters_as_timed_out()
    {
        DeferredReply a = Wait(10, 1, 1000);
        DeferredReply b = Wait(10, 1, 0);
        _core.FreeCondition(Senders.Of(10), 1);
        Assert.Equal(s_timedOut, _env.Sink.Single(a));
        Assert.Equal(s_timedOut, _env.Sink.Single(b));
        Assert.Equal(ulong.MaxValue, _env.Alarms[^1]);
    }

    [Fact]
    public void A_process_full_share_cuts_sleeps_short_refuses_waits_and_leaves_a_locker_blocked()
    {
        for (int i = 0; i < TicktimerCore.MaxWaitersPerProcess; i++)
        {
            Sleep(10, 1000);
        }

        Assert.Empty(_env.Sink.Completed);
        DeferredReply shortened = Sleep(10, 1000);
        Assert.Equal(s_slept, _env.Sink.Single(shortened));
        Assert.Equal(1u, _core.Statistics.SleepsCutShort);

        DeferredReply refused = Wait(10, 1, 0);
        Assert.Equal(s_timedOut, _env.Sink.Single(refused));
        Assert.Equal(1u, _core.Statistics.ConditionWaitsRefused);

        DeferredReply locker = Lock(10, 1);
        Assert.Empty(_env.Sink.To(locker));           // never granted while someone may hold the mutex
        Assert.Equal(1u, _core.Statistics.MutexWaitersDropped);

        DeferredReply otherProcess = Sleep(11, 1000);
        Assert.Empty(_env.Sink.To(otherProcess));      // other processes keep their share
    }

    [Fact]
    public void The_waiter_table_holds_MaxWaiters_in_all()
    {
        int parked = 0;
        for (byte pid = 10; parked < TicktimerCore.MaxWaiters; pid++)
        {
            for (int i = 0; i < TicktimerCore.MaxWaitersPerProcess && parked < TicktimerCore.MaxWaiters; i++, parked++)
            {
                Sleep(pid, 1000);
            }
        }

        Assert.Equal(TicktimerCore.MaxWaiters, _core.WaiterCount);
        Assert.Empty(_env.Sink.Completed);
        DeferredReply late = Sleep(200, 1000);
        Assert.Equal(s_slept, _env.Sink.Single(late));

        Recalculate(1000);
        Assert.Equal(TicktimerCore.MaxWaiters + 1, _env.Sink.Completed.Count);
        Assert.Equal(0, _core.WaiterCount);
    }

    [Fact]
    public void Pending_unlocks_are_bounded_per_process()
    {
        for (ulong key = 0; key < TicktimerCore.MaxPendingUnlocksPerProcess; key++)
        {
            _core.UnlockMutex(Senders.Of(10), key);
        }

        _core.UnlockMutex(Senders.Of(10), 999);
        Assert.Equal(1u, _core.Statistics.PendingUnlocksDropped);
        Assert.Equal(TicktimerCore.MaxPendingUnlocksPerProcess, _core.PendingUnlockCount);

        _core.UnlockMutex(Senders.Of(11), 999);
        Assert.Equal(TicktimerCore.MaxPendingUnlocksPerProcess + 1, _core.PendingUnlockCount);
    }

    [Fact]
    public void ProcessExited_drops_its_waiters_and_pending_unlocks_without_replying()
    {
        Sleep(10, 100);
        Lock(10, 1);
        _core.UnlockMutex(Senders.Of(10), 2);
        DeferredReply survivor = Sleep(11, 200);

        Assert.Equal(3, _core.ProcessExited(new Pid(10)));
        Assert.Equal(1, _core.WaiterCount);
        Assert.Equal(0, _core.PendingUnlockCount);
        Assert.Equal(200ul, _env.Alarms[^1]);
        Recalculate(1000);
        Assert.Equal([survivor], CompletedTokens);
    }
}
