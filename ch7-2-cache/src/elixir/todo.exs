# The book's Todo.Cache (Elixir in Action, 3rd ed., section 7.2), unchanged: the processes and
# messages that LoadTest measures, over step 7.1's Todo.Server and Todo.List.
Code.require_file("../../../ch7-1-mix-project/src/elixir/todo_server.exs", __DIR__)

# tag::cache[]
defmodule Todo.Cache do
  use GenServer

  def start do
    GenServer.start(__MODULE__, nil)
  end

  def server_process(cache_pid, todo_list_name) do
    GenServer.call(cache_pid, {:server_process, todo_list_name})
  end

  @impl GenServer
  def init(_) do
    {:ok, %{}}
  end

  @impl GenServer
  def handle_call({:server_process, todo_list_name}, _, todo_servers) do
    case Map.fetch(todo_servers, todo_list_name) do
      {:ok, todo_server} ->
        {:reply, todo_server, todo_servers}

      :error ->
        {:ok, new_server} = Todo.Server.start()

        {
          :reply,
          new_server,
          Map.put(todo_servers, todo_list_name, new_server)
        }
    end
  end
end
# end::cache[]
