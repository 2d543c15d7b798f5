using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>The first matching catch clause wins: derived exceptions caught by a base-type clause, and a derived clause placed first.</summary>
public static class ExceptionCatchOrder
{
    private class AppException : Exception
    {
        public AppException(string message)
            : base(message)
        {
        }
    }

    private sealed class DbException : AppException
    {
        public DbException(string message)
            : base("db: " + message)
        {
        }
    }

    private sealed class NetException : AppException
    {
        public NetException(string message)
            : base("net: " + message)
        {
        }
    }

    public static int Main()
    {
        Exception[] toThrow = { new DbException("locked"), new NetException("timeout"), new AppException("generic"), new InvalidOperationException("other") };
        foreach (Exception ex in toThrow)
        {
            try
            {
                throw ex;
            }
            catch (DbException e)
            {
                Transcript.WriteLine("DbException clause: " + e.Message);
            }
            catch (AppException e)
            {
                Transcript.WriteLine("AppException clause: " + e.Message);
            }
            catch (SystemException e)
            {
                Transcript.WriteLine("SystemException clause: " + e.Message);
            }
        }

        foreach (Exception ex in toThrow)
        {
            try
            {
                try
                {
                    throw ex;
                }
                catch (NetException e)
                {
                    Transcript.WriteLine("inner NetException: " + e.Message);
                }
            }
            catch (Exception e)
            {
                Transcript.WriteLine("outer Exception: " + e.Message);
            }
        }

        return 0;
    }
}
