namespace System.Buffers;

/// <summary>A callback that fills a span (used by <see cref="string.Create{TState}(int, TState, SpanAction{char, TState})"/>).</summary>
public delegate void SpanAction<T, in TArg>(Span<T> span, TArg arg);
