using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// A deterministic bank simulation mixing classes, interfaces, a Dictionary, events, exceptions and an LCG: 2,000
/// random transfers, rejected ones counted by reason, balances conserved.
/// </summary>
public static class AlgorithmBankSimulation
{
    private interface IAccount
    {
        string Id { get; }

        long Balance { get; }

        void Apply(long delta);
    }

    private class Account : IAccount
    {
        public Account(string id, long balance)
        {
            Id = id;
            Balance = balance;
        }

        public string Id { get; }

        public long Balance { get; protected set; }

        public virtual void Apply(long delta)
        {
            if (Balance + delta < 0)
            {
                throw new InsufficientFunds(Id, -delta);
            }

            Balance += delta;
        }
    }

    private sealed class CreditAccount : Account
    {
        private readonly long _limit;

        public CreditAccount(string id, long balance, long limit)
            : base(id, balance)
        {
            _limit = limit;
        }

        public override void Apply(long delta)
        {
            if (Balance + delta < -_limit)
            {
                throw new InsufficientFunds(Id, -delta);
            }

            Balance += delta;
        }
    }

    private sealed class InsufficientFunds : Exception
    {
        public InsufficientFunds(string id, long amount)
            : base(id + " cannot pay " + amount)
        {
        }
    }

    private sealed class Bank
    {
        private readonly Dictionary<string, IAccount> _accounts = new();

        public event Action<string, string, long>? Transferred;

        public void Open(IAccount a) => _accounts.Add(a.Id, a);

        public void Transfer(string from, string to, long amount)
        {
            if (amount <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(amount));
            }

            IAccount source = _accounts[from];
            IAccount target = _accounts[to];
            source.Apply(-amount);
            target.Apply(amount);
            Transferred?.Invoke(from, to, amount);
        }

        public long Total()
        {
            long t = 0;
            foreach (IAccount a in _accounts.Values)
            {
                t += a.Balance;
            }

            return t;
        }

        public IEnumerable<IAccount> Accounts => _accounts.Values;
    }

    public static int Main()
    {
        var bank = new Bank();
        string[] ids = { "alice", "bob", "carol", "dave", "erin" };
        for (int i = 0; i < ids.Length; i++)
        {
            bank.Open(i % 2 == 0 ? new Account(ids[i], 10_000 * (i + 1)) : new CreditAccount(ids[i], 1_000, 5_000));
        }

        long before = bank.Total();
        long moved = 0;
        int ok = 0;
        bank.Transferred += (f, t, amount) => moved += amount;
        bank.Transferred += (f, t, amount) => ok++;
        var rejected = new Dictionary<string, int>();
        uint rng = 20240601;
        for (int i = 0; i < 2000; i++)
        {
            rng = (rng * 1664525) + 1013904223;
            string from = ids[(rng >> 8) % 5];
            string to = (rng & 0x80) != 0 ? ids[(rng >> 16) % 5] : "mallory";
            long amount = (long)((rng >> 4) % 9000) - 500;
            try
            {
                bank.Transfer(from, to, amount);
            }
            catch (InsufficientFunds)
            {
                Count(rejected, "funds");
            }
            catch (KeyNotFoundException)
            {
                Count(rejected, "unknown account");
            }
            catch (ArgumentOutOfRangeException)
            {
                Count(rejected, "bad amount");
            }
        }

        Transcript.WriteLine("ok " + ok + ", moved " + moved);
        foreach (KeyValuePair<string, int> kv in rejected)
        {
            Transcript.WriteLine("rejected (" + kv.Key + "): " + kv.Value);
        }

        foreach (IAccount a in bank.Accounts)
        {
            Transcript.WriteLine(a.Id.PadRight(6) + a.Balance.ToString("N0").PadLeft(10));
        }

        Transcript.WriteLine("conserved: " + (before == bank.Total()));
        return 0;
    }

    private static void Count(Dictionary<string, int> d, string reason) => d[reason] = d.TryGetValue(reason, out int n) ? n + 1 : 1;
}
