using Xous.Abi;
using Xous.Ticktimer.Api;

namespace Xous.Runtime.Tests;

public sealed class SynchronisationTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_fast_path_makes_no_kernel_call()
    {
        var process = new TestProcess();
        XousMutex mutex = process.Context.CreateMutex();

        mutex.Lock();
        Assert.True(mutex.IsLocked);
        Assert.False(mutex.TryLock());
        mutex.Unlock();
        using (mutex.Acquire())
        {
            Assert.True(mutex.IsLocked);
        }

        mutex.Dispose();

        Assert.False(mutex.IsLocked);
        Assert.Empty(process.Port.Calls); // Not even a connection to the ticktimer.
    }

    [Fact]
    public void Keys_are_unique_per_mutex_and_condition_of_a_process()
    {
        var process = new TestProcess();

        ulong[] keys = { process.Context.CreateMutex().Key, process.Context.CreateMutex().Key, process.Context.CreateCondition().Key };

        Assert.Equal(3, keys.Distinct().Count());
        Assert.DoesNotContain(0ul, keys);
    }

    [Fact]
    public void Unlocking_a_free_mutex_throws()
    {
        var process = new TestProcess();

        Assert.Throws<InvalidOperationException>(() => process.Context.CreateMutex().Unlock());
    }

    [Fact]
    public void A_contended_lock_waits_in_the_ticktimer_with_its_key_and_the_unlock_wakes_it()
    {
        var process = new TestProcess();
        XousMutex mutex = process.Context.CreateMutex();
        process.Context.CreateMutex(); // Another key, which must not be used.
        mutex.Lock();
        bool acquired = false;
        var waiter = new Thread(() =>
        {
            mutex.Lock();
            acquired = true;
            mutex.Unlock();
        })
        { IsBackground = true };

        waiter.Start();
        Assert.True(SpinWait.SpinUntil(() => process.Ticktimer.LockWaiters(mutex.Key) == 1, s_timeout));
        Assert.False(acquired);
        mutex.Unlock();
        Assert.True(waiter.Join(s_timeout));
        mutex.Dispose();

        Assert.True(acquired);
        (string Operation, ulong Key)[] operations = process.Ticktimer.OperationsSnapshot();
        Assert.Equal("LockMutex", operations[0].Operation);
        Assert.Equal("UnlockMutex", operations[1].Operation);
        Assert.Equal(("FreeMutex", mutex.Key), operations[^1]);
        Assert.All(operations, operation => Assert.Equal(mutex.Key, operation.Key));
        Assert.False(mutex.IsLocked);
    }

    [Fact]
    public void The_mutex_excludes_under_contention()
    {
        var process = new TestProcess();
        XousMutex mutex = process.Context.CreateMutex();
        int counter = 0;
        int inside = 0;
        int overlaps = 0;
        Thread[] threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            for (int index = 0; index < 2000; index++)
            {
                mutex.Lock();
                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                counter++;
                Interlocked.Decrement(ref inside);
                mutex.Unlock();
            }
        })
        { IsBackground = true }).ToArray();

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        Assert.All(threads, thread => Assert.True(thread.Join(s_timeout)));
        Assert.Equal(8000, counter);
        Assert.Equal(0, overlaps);
        Assert.False(mutex.IsLocked);
    }

    [Fact]
    public void Notify_without_waiters_makes_no_call()
    {
        var process = new TestProcess();
        XousCondition condition = process.Context.CreateCondition();

        Assert.Equal(0, condition.NotifyAll());
        condition.Dispose();

        Assert.Empty(process.Port.Calls);
    }

    [Fact]
    public void Wait_releases_the_mutex_until_notified_and_takes_it_again()
    {
        var process = new TestProcess();
        XousMutex mutex = process.Context.CreateMutex();
        XousCondition condition = process.Context.CreateCondition();
        bool ready = false;
        bool? notified = null;
        var waiter = new Thread(() =>
        {
            mutex.Lock();
            while (!ready)
            {
                notified = condition.Wait(mutex);
            }

            mutex.Unlock();
        })
        { IsBackground = true };

        waiter.Start();
        Assert.True(SpinWait.SpinUntil(() => process.Ticktimer.Parked(condition.Key) == 1, s_timeout));
        int woken;
        using (mutex.Acquire())
        {
            ready = true;
            woken = condition.NotifyOne();
        }

        Assert.True(waiter.Join(s_timeout));
        condition.Dispose();

        Assert.Equal(1, woken);
        Assert.True(notified);
        (string Operation, ulong Key)[] operations = process.Ticktimer.OperationsSnapshot();
        Assert.Contains(("WaitForCondition", condition.Key), operations);
        Assert.Contains(("NotifyCondition", condition.Key), operations);
        Assert.Equal(("FreeCondition", condition.Key), operations[^1]);
    }

    [Fact]
    public void A_timed_out_wait_returns_false_holding_the_mutex_and_is_not_counted_as_a_waiter()
    {
        var process = new TestProcess();
        XousMutex mutex = process.Context.CreateMutex();
        XousCondition condition = process.Context.CreateCondition();

        mutex.Lock();
        bool notified = condition.Wait(mutex, timeoutMs: 20);

        Assert.False(notified);
        Assert.True(mutex.IsLocked);
        process.Port.ClearCalls();
        Assert.Equal(0, condition.NotifyAll());
        Assert.Empty(process.Port.Calls); // The timed-out waiter was deducted: nobody to notify.
        mutex.Unlock();
    }

    [Fact]
    public void Sleep_and_ElapsedMs_use_the_ticktimer()
    {
        var process = new TestProcess();
        process.Ticktimer.Now = 0x1_0000_0005;

        process.Context.Sleep(250);
        ulong now = process.Context.ElapsedMs();

        Assert.Equal(new uint[] { 250 }, process.Ticktimer.Sleeps);
        Assert.Equal(0x1_0000_0005ul, now);
        Assert.Equal(Syscall.Connect(TicktimerServerId.Sid), Assert.Single(process.Port.CallsOf(SyscallNumber.Connect)));
        Message[] messages = process.Port.MessagesTo(process.TicktimerConnection);
        Assert.Equal(Message.BlockingScalar(TicktimerOpcodes.SleepMs, 250), messages[0]);
        Assert.Equal(Message.BlockingScalar(TicktimerOpcodes.ElapsedMs), messages[1]);
    }
}
