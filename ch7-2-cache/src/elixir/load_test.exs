# The Elixir twin of todo.cache.LoadTest and of side-by-side's sidebyside.CacheLoad: the book's
# LoadTest (section 7.2.3) on the book's Todo.Cache, plus the figures CacheLoad adds, measured the
# same way:
#   - peak RSS (VmHWM) once the servers exist, before any concurrent phase;
#   - with --clients N (N > 1), gets per second from N concurrent client processes, client c
#     asking for names c, c+N, c+2N, ... once each; one warm-up round, then one measured round;
#   - the same again, each client keeping 16 calls in flight (:gen_server.send_request, and
#     OTP 24's receive_response for the oldest once 16 are out);
#   - the runtime's floor under a get: 200,000 bare round trips (a send and a receive, no
#     GenServer) between a client process and an echo process, and with --clients N the same
#     from N client processes of one echo process; each once to warm up, then once timed.
#
# Clients are linked to the script's process: one that fails (a call that timed out) ends the run
# with its error and a non-zero status, before any figure of work not done is printed.
#
#   elixir --erl "+P 2000000" ch7-2-cache/src/elixir/load_test.exs [--processes N] [--clients N]
Code.require_file("todo.exs", __DIR__)

defmodule LoadTest do
  @bare_round_trips 200_000
  @in_flight 16

  def run(total_processes, clients) do
    {:ok, cache} = Todo.Cache.start()

    # Since the cache is empty, this code creates new processes.
    {put_time, _} =
      :timer.tc(fn ->
        Enum.each(
          1..total_processes,
          &Todo.Cache.server_process(cache, "cache_#{&1}")
        )
      end)

    IO.puts("average put #{put_time / total_processes} µs")

    # Since the cache is primed, and we use the same names as in the
    # previous loop, this code benches process retrieval.
    {get_time, _} =
      :timer.tc(fn ->
        Enum.each(
          1..total_processes,
          &Todo.Cache.server_process(cache, "cache_#{&1}")
        )
      end)

    IO.puts("average get #{get_time / total_processes} µs")
    IO.puts("peak RSS with #{format(total_processes)} servers: #{format(peak_rss_mb())} MB")

    if clients > 1 do
      concurrent_round(cache, total_processes, clients)
      {time, _} = :timer.tc(fn -> concurrent_round(cache, total_processes, clients) end)
      rate = round(total_processes / (time / 1_000_000))

      IO.puts(
        "requests/second through one cache, #{clients} clients: #{format(rate)}"
      )

      pipelined_round(cache, total_processes, clients)
      {time, _} = :timer.tc(fn -> pipelined_round(cache, total_processes, clients) end)
      rate = round(total_processes / (time / 1_000_000))

      IO.puts(
        "requests/second through one cache, #{clients} clients with #{@in_flight} calls" <>
          " in flight each: #{format(rate)}"
      )
    end

    bare = bare_round_trips(1, @bare_round_trips) / @bare_round_trips
    IO.puts("bare round trip between two processes #{:erlang.float_to_binary(bare, decimals: 2)} µs")

    if clients > 1 do
      round_trips = div(max(@bare_round_trips, clients), clients) * clients
      rate = round(round_trips / (bare_round_trips(clients, round_trips) / 1_000_000))
      IO.puts("bare round trips/second, #{clients} clients of one process: #{format(rate)}")
    end
  end

  # µs for `round_trips` round trips (as many for each) shared by `clients` processes, after as
  # many to warm up.
  defp bare_round_trips(clients, round_trips) do
    echo = spawn(&echo/0)
    exchange(echo, clients, div(round_trips, clients))
    {time, _} = :timer.tc(fn -> exchange(echo, clients, div(round_trips, clients)) end)
    Process.exit(echo, :kill)
    time
  end

  defp exchange(echo, clients, each) do
    parent = self()

    for _ <- 1..clients do
      spawn_link(fn ->
        for _ <- 1..each//1 do
          send(echo, {:ping, self()})
          receive(do: (:pong -> :ok))
        end

        send(parent, :done)
      end)
    end

    for _ <- 1..clients, do: receive(do: (:done -> :ok))
  end

  defp echo do
    receive do
      {:ping, from} -> send(from, :pong)
    end

    echo()
  end

  defp concurrent_round(cache, total_processes, clients) do
    parent = self()

    for client <- 1..clients do
      spawn_link(fn ->
        Enum.each(
          client..total_processes//clients,
          &Todo.Cache.server_process(cache, "cache_#{&1}")
        )

        send(parent, :done)
      end)
    end

    for _ <- 1..clients, do: receive(do: (:done -> :ok))
  end

  # As concurrent_round, each client keeping @in_flight calls in flight: it receives the answer to
  # the oldest once @in_flight are out, then sends the next.
  defp pipelined_round(cache, total_processes, clients) do
    parent = self()

    for client <- 1..clients do
      spawn_link(fn ->
        {in_flight, _} =
          Enum.reduce(client..total_processes//clients, {:queue.new(), 0}, fn i, {queue, out} ->
            {queue, out} =
              if out == @in_flight do
                {{:value, id}, rest} = :queue.out(queue)
                {:reply, _} = :gen_server.receive_response(id, 5000)
                {rest, out - 1}
              else
                {queue, out}
              end

            id = :gen_server.send_request(cache, {:server_process, "cache_#{i}"})
            {:queue.in(id, queue), out + 1}
          end)

        for id <- :queue.to_list(in_flight), do: {:reply, _} = :gen_server.receive_response(id, 5000)
        send(parent, :done)
      end)
    end

    for _ <- 1..clients, do: receive(do: (:done -> :ok))
  end

  defp peak_rss_mb do
    [kb] = Regex.run(~r/VmHWM:\s+(\d+) kB/, File.read!("/proc/self/status"), capture: :all_but_first)
    div(String.to_integer(kb), 1024)
  end

  defp format(n) do
    n |> Integer.to_string() |> String.reverse() |> String.replace(~r/(\d{3})(?=\d)/, "\\1,")
    |> String.reverse()
  end
end

usage = fn message ->
  IO.puts(:stderr, "load_test.exs: #{message}")
  IO.puts(:stderr, "usage: load_test.exs [--processes N] [--clients N]")
  System.halt(2)
end

{opts, rest, invalid} =
  OptionParser.parse(System.argv(), strict: [processes: :string, clients: :string])

if invalid != [] or rest != [] do
  usage.("unknown options #{inspect(Enum.map(invalid, &elem(&1, 0)) ++ rest)}")
end

int = fn key, default ->
  given = opts[key] || default

  case Integer.parse(String.replace(given, "_", "")) do
    {n, ""} when n > 0 -> n
    _ -> usage.("--#{key} takes a positive whole number, not '#{given}'")
  end
end

processes = int.(:processes, "1000000")
clients = int.(:clients, "1")

if clients > processes do
  usage.("--clients #{clients} is more than the #{processes} names there are to ask for")
end

LoadTest.run(processes, clients)
