# BottleneckDemo's workload on the book's code, in the same steps as the Java twin
# (todo.persistence.BottleneckDemo): 100 writers, one per list, each add 100 entries through
# Todo.Cache and Todo.Server; every addition is a store of the whole list to Todo.Database.
defmodule Bottleneck do
  @lists 100
  @entries 100
  @date ~D[2023-12-19]
  @cap_writes 2000
  @cap_warm_up 200

  @doc "A fresh temporary folder, made the current one: the book's ./persist goes inside it."
  def fresh_folder(prefix) do
    folder = Path.join(System.tmp_dir!(), "#{prefix}#{System.unique_integer([:positive])}")
    File.mkdir_p!(folder)
    File.cd!(folder)
    folder
  end

  @doc """
  Atomic replaces per second of 2 KB files (write a temporary file, rename it over the target)
  by `writers` processes at once, each replacing its own share of 100 files in turn, as the
  workload's 100 lists are spread over a pool's workers: what writers that keep every file whole
  can do on this disk. The book's File.write! is not atomic; this is the Java twin's measure,
  taken from Elixir on the same disk.
  """
  def cap(writers \\ 1) do
    folder = Path.join(System.tmp_dir!(), "cap#{System.unique_integer([:positive])}")
    File.mkdir_p!(folder)
    data = :binary.copy(<<0>>, 2048)
    each = div(@cap_writes, writers)

    # Untimed, as the Java twin warms up its just-started JVM.
    Enum.each(0..(@cap_warm_up - 1), fn i ->
      File.write!(Path.join(folder, ".warm.part"), data)
      File.rename!(Path.join(folder, ".warm.part"), Path.join(folder, "list #{rem(i, @lists)}"))
    end)

    {micros, _} =
      :timer.tc(fn ->
        for writer <- 0..(writers - 1) do
          Task.async(fn ->
            files = List.to_tuple(for f <- 0..(@lists - 1), rem(f, writers) == writer, do: f)
            temp = Path.join(folder, ".list#{writer}.part")

            Enum.each(0..(each - 1), fn i ->
              File.write!(temp, data)
              file = elem(files, rem(i, tuple_size(files)))
              File.rename!(temp, Path.join(folder, "list #{file}"))
            end)
          end)
        end
        |> Task.await_many(:infinity)
      end)

    File.rm_rf!(folder)
    each * writers * 1_000_000 / micros
  end

  @doc "Prints the mean of the cap measured before and after a run, and returns it."
  def print_mean_cap(before, later, writers) do
    mean = (before + later) / 2
    IO.puts("#{cap_line(mean, writers)}; mean of #{thousands(before)} before the run and #{thousands(later)} after")
    mean
  end

  @doc "The line both twins print for the cap."
  def cap_line(rate, writers) do
    at_once = if writers == 1, do: "", else: ", #{writers} writers at once,"

    "atomic replace cap#{at_once} #{thousands(rate)} writes/s " <>
      "(#{thousands(div(@cap_writes, writers) * writers)} replaces of #{@lists} files of 2 KB)"
  end

  @doc """
  Runs the workload; `queues` is called once the cache (and so the database) has started and
  returns the processes whose mailboxes hold the pending stores. Returns entries per second.
  """
  def run(label, queues) do
    {:ok, cache} = Todo.Cache.start()
    watched = queues.()
    start = System.monotonic_time(:microsecond)

    writers =
      for l <- 0..(@lists - 1) do
        name = "list #{l}"

        spawn(fn ->
          server = Todo.Cache.server_process(cache, name)

          for e <- 0..(@entries - 1) do
            Todo.Server.add_entry(server, %{date: @date, title: "entry #{e}"})
          end

          # all its stores are sent
          Todo.Server.entries(server, @date)
        end)
      end

    peak = watch(writers, watched, start, -100, 0)
    seconds = (System.monotonic_time(:microsecond) - start) / 1_000_000

    lost =
      Enum.sum(
        for l <- 0..(@lists - 1) do
          case Todo.Database.get("list #{l}") do
            nil -> @entries
            list -> @entries - map_size(list.entries)
          end
        end
      )

    GenServer.stop(cache)
    entries = @lists * @entries
    rate = entries / seconds

    IO.puts(
      "#{label}#{thousands(entries)} entries in #{:erlang.float_to_binary(seconds, decimals: 2)} s: " <>
        "#{thousands(rate)} entries/s; peak mailbox length #{thousands(peak)}" <>
        if(lost > 0, do: "; #{lost} entries lost", else: "")
    )

    rate
  end

  # Until the writers are done and the mailboxes are empty: every 100 ms while they are long,
  # every 2 ms when they are nearly empty, as the Java twin (whose mailbox length costs more to
  # count) looks. Prints every 100 ms.
  defp watch(writers, watched, start, shown, peak) do
    length = Enum.sum(for pid <- watched, do: elem(Process.info(pid, :message_queue_len), 1))
    peak = max(peak, length)
    finished = not Enum.any?(writers, &Process.alive?/1) and length == 0
    millis = div(System.monotonic_time(:microsecond) - start, 1000)

    shown =
      if millis - shown >= 100 or finished do
        # 60 columns: every one of the workload's requests waiting, as the Java twin draws it
        bar = String.duplicate("#", div(length * 60, @lists * @entries))
        IO.puts("#{String.pad_leading(to_string(millis), 6)} ms  mailbox #{String.pad_leading(to_string(length), 5)}  #{bar}")
        millis
      else
        shown
      end

    if finished do
      peak
    else
      Process.sleep(if length > 500, do: 100, else: 2)
      watch(writers, watched, start, shown, peak)
    end
  end

  def thousands(number) do
    number
    |> round()
    |> Integer.to_string()
    |> String.reverse()
    |> String.graphemes()
    |> Enum.chunk_every(3)
    |> Enum.join(",")
    |> String.reverse()
  end
end
